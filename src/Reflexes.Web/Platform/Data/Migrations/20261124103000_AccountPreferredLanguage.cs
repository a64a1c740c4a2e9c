using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>Accounts: the language a person's e-mails and notifications are written in (French for existing accounts).</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124103000_AccountPreferredLanguage")]
public sealed class AccountPreferredLanguage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "PreferredLanguage", table: "AspNetUsers", maxLength: 8, nullable: false, defaultValue: "fr");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "PreferredLanguage", table: "AspNetUsers");
}
