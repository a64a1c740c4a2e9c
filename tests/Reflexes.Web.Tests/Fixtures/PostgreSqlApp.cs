using Reflexes.Testing;

namespace Reflexes.Web.Tests.Fixtures;

public sealed class PostgreSqlApp() : AppFixture(DatabaseKind.PostgreSql);
