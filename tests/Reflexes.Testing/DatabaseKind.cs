namespace Reflexes.Testing;

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}
