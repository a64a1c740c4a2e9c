namespace Reflexes.Testing;

/// <summary>
/// What the machine offers the tests, read from the environment that test.sh prepares.
/// Without PostgreSQL the PostgreSQL cases are skipped, visibly; with REFLEXES_TEST_REQUIRE_ALL=1
/// (CI) they fail instead.
/// </summary>
public static class TestEnvironment
{
    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("REFLEXES_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool RequireAll => Environment.GetEnvironmentVariable("REFLEXES_TEST_REQUIRE_ALL") == "1";

    public static void RequirePostgres()
    {
        if (PostgresAdmin is not null)
        {
            return;
        }

        if (RequireAll)
        {
            Assert.Fail("PostgreSQL is required here (REFLEXES_TEST_REQUIRE_ALL=1) but REFLEXES_TEST_POSTGRES is not set: run ./test.sh.");
        }

        Skip.If(true, "PostgreSQL not available: set REFLEXES_TEST_POSTGRES or run ./test.sh.");
    }
}
