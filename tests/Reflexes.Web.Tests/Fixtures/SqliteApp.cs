using Reflexes.Testing;

namespace Reflexes.Web.Tests.Fixtures;

public sealed class SqliteApp() : AppFixture(DatabaseKind.Sqlite);
