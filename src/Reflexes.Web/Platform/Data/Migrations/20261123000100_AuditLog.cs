using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>
/// The tamper-evident audit log (DataTrust): append-only entries, signed tree heads and the signing key.
/// Triggers refuse updates and deletes of audit entries; whoever owns the schema can still drop them,
/// which is what the Merkle tree and the signed heads are there to reveal (docs/adr/0602).
/// </summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261123000100_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 200, nullable: false),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                Purpose = table.Column<string>(maxLength: 200, nullable: true),
                Record = table.Column<string>(maxLength: 200, nullable: true),
                Result = table.Column<string>(maxLength: 20, nullable: false),
                LeafHash = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Sequence));
        migrationBuilder.CreateIndex("IX_AuditEntries_Record", "AuditEntries", "Record");

        migrationBuilder.CreateTable(
            name: "AuditTreeHeads",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Origin = table.Column<string>(maxLength: 200, nullable: false),
                TreeSize = table.Column<long>(nullable: false),
                RootHash = table.Column<byte[]>(nullable: false),
                SignedAtUtc = table.Column<DateTime>(nullable: false),
                Signature = table.Column<byte[]>(nullable: false),
                KeyFingerprint = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditTreeHeads", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditTreeHeads_TreeSize", "AuditTreeHeads", "TreeSize");

        migrationBuilder.CreateTable(
            name: "AuditSigningKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Fingerprint = table.Column<string>(maxLength: 64, nullable: false),
                PublicKey = table.Column<byte[]>(nullable: false),
                ProtectedPrivateKey = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditSigningKeys", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditSigningKeys_Fingerprint", "AuditSigningKeys", "Fingerprint", unique: true);

        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditEntries_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEntries is append-only: entries cannot be changed or removed.';
                END $$;
                CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION "AuditEntries_refuse_change"();
                CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_refuse_change"();
                """);
        }
        else if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: entries cannot be changed or removed.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: entries cannot be changed or removed.'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AuditSigningKeys");
        migrationBuilder.DropTable("AuditTreeHeads");
        migrationBuilder.DropTable("AuditEntries");
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AuditEntries_refuse_change"();""");
        }
    }
}
