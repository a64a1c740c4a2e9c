using System.Data.Common;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Reflexes.Testing;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Tests.Migrations;

/// <summary>
/// A provider-neutral description of a schema (tables, columns with store type and nullability,
/// primary keys, indexes, foreign keys), read either from the EF Core model or from a live database.
/// </summary>
internal sealed record DatabaseSchema(IReadOnlySet<string> Facts)
{
    public static DatabaseSchema FromModel(ReflexesDbContext db)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetRelationalModel();
        foreach (var table in model.Tables)
        {
            facts.Add($"table {table.Name}");
            foreach (var column in table.Columns)
            {
                facts.Add($"column {table.Name}.{column.Name} {Normalise(column.StoreType)} {(column.IsNullable ? "null" : "not null")}");
            }

            if (table.PrimaryKey is { } pk)
            {
                facts.Add($"pk {table.Name}({string.Join(",", pk.Columns.Select(c => c.Name))})");
            }

            foreach (var index in table.Indexes)
            {
                facts.Add($"index {table.Name}.{index.Name}({string.Join(",", index.Columns.Select(c => c.Name))}){(index.IsUnique ? " unique" : "")}");
            }

            foreach (var fk in table.ForeignKeyConstraints)
            {
                facts.Add($"fk {table.Name}({string.Join(",", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name}({string.Join(",", fk.PrincipalColumns.Select(c => c.Name))}) {fk.OnDeleteAction}");
            }
        }

        return new DatabaseSchema(facts);
    }

    public static async Task<DatabaseSchema> FromDatabaseAsync(ReflexesDbContext db, DatabaseKind kind)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return kind == DatabaseKind.Sqlite ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly HashSet<string> Ignored = ["__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence"];

    private static async Task<DatabaseSchema> ReadSqliteAsync(DbConnection connection)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).Where(t => !Ignored.Contains(t)).ToList();
        foreach (var table in tables)
        {
            facts.Add($"table {table}");
            var columns = (await connection.QueryAsync($"PRAGMA table_info('{table}')")).ToList();
            foreach (var c in columns)
            {
                var isPk = (long)c.pk > 0;
                // SQLite reports NOT NULL only when declared; a primary-key column is implicitly required.
                var nullable = (long)c.notnull == 0 && !isPk;
                facts.Add($"column {table}.{c.name} {Normalise((string)c.type)} {(nullable ? "null" : "not null")}");
            }

            var pk = columns.Where(c => (long)c.pk > 0).OrderBy(c => (long)c.pk).Select(c => (string)c.name).ToList();
            if (pk.Count > 0)
            {
                facts.Add($"pk {table}({string.Join(",", pk)})");
            }

            foreach (var index in await connection.QueryAsync($"PRAGMA index_list('{table}')"))
            {
                if ((string)index.origin != "c")
                {
                    continue;
                }

                var cols = (await connection.QueryAsync($"PRAGMA index_info('{index.name}')")).OrderBy(i => (long)i.seqno).Select(i => (string)i.name);
                facts.Add($"index {table}.{index.name}({string.Join(",", cols)}){((long)index.unique == 1 ? " unique" : "")}");
            }

            foreach (var fk in (await connection.QueryAsync($"PRAGMA foreign_key_list('{table}')")).GroupBy(f => (long)f.id))
            {
                var rows = fk.OrderBy(f => (long)f.seq).ToList();
                facts.Add($"fk {table}({string.Join(",", rows.Select(r => (string)r.from))}) -> {rows[0].table}({string.Join(",", rows.Select(r => (string)r.to))}) {Action((string)rows[0].on_delete)}");
            }
        }

        return new DatabaseSchema(facts);
    }

    private static async Task<DatabaseSchema> ReadPostgresAsync(DbConnection connection)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).Where(t => !Ignored.Contains(t)).ToList();
        foreach (var table in tables)
        {
            facts.Add($"table {table}");
        }

        foreach (var c in await connection.QueryAsync(
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_schema = 'public'"))
        {
            if (Ignored.Contains((string)c.table_name))
            {
                continue;
            }

            var type = c.character_maximum_length is null ? (string)c.data_type : $"{c.data_type}({c.character_maximum_length})";
            facts.Add($"column {c.table_name}.{c.column_name} {Normalise(type)} {((string)c.is_nullable == "YES" ? "null" : "not null")}");
        }

        const string constraints = """
            SELECT c.contype, t.relname AS table_name, c.conname,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
                   f.relname AS principal,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS principal_columns,
                   c.confdeltype
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid LEFT JOIN pg_class f ON f.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND c.contype IN ('p', 'f')
            """;
        foreach (var c in await connection.QueryAsync(constraints))
        {
            if (Ignored.Contains((string)c.table_name))
            {
                continue;
            }

            if ((char)c.contype == 'p')
            {
                facts.Add($"pk {c.table_name}({c.columns})");
            }
            else
            {
                var action = (char)c.confdeltype switch { 'c' => "Cascade", 'r' => "Restrict", 'n' => "SetNull", 'a' => "NoAction", _ => "?" };
                facts.Add($"fk {c.table_name}({c.columns}) -> {c.principal}({c.principal_columns}) {action}");
            }
        }

        const string indexes = """
            SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique,
                   (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND NOT ix.indisprimary
            """;
        foreach (var i in await connection.QueryAsync(indexes))
        {
            if (Ignored.Contains((string)i.table_name))
            {
                continue;
            }

            facts.Add($"index {i.table_name}.{i.index_name}({i.columns}){((bool)i.indisunique ? " unique" : "")}");
        }

        return new DatabaseSchema(facts);
    }

    private static string Normalise(string storeType) => storeType.Trim().ToLowerInvariant();

    // SQLite reports the declared action; EF Core declares ON DELETE RESTRICT for Restrict.
    private static string Action(string sqlite) => sqlite.ToUpperInvariant() switch
    {
        "CASCADE" => "Cascade",
        "RESTRICT" => "Restrict",
        "SET NULL" => "SetNull",
        "NO ACTION" => "NoAction",
        _ => sqlite,
    };

    public static string Difference(DatabaseSchema expected, DatabaseSchema actual)
    {
        var missing = expected.Facts.Except(actual.Facts).Order(StringComparer.Ordinal).Select(f => "  missing in database: " + f);
        var extra = actual.Facts.Except(expected.Facts).Order(StringComparer.Ordinal).Select(f => "  not in the model:    " + f);
        return string.Join(Environment.NewLine, missing.Concat(extra));
    }
}
