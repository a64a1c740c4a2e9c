using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>The register, a resident's own choices and receipts, and the DPO's versions, through the real pipeline.</summary>
public abstract class ConsentPagesTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task Anyone_reads_the_register_of_purposes_and_each_purpose_without_signing_in()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();

        var register = await client.GetStringAsync(new Uri("/data-trust/purposes", UriKind.Relative));
        var purpose = await client.GetStringAsync(new Uri("/data-trust/purposes/heatwave-register", UriKind.Relative));

        register.ShouldContain("Registre canicule et grand froid");
        register.ShouldContain("Mission d’intérêt public");
        purpose.ShouldContain("Consentement de la personne");
        purpose.ShouldContain("24 mois, puis il est redemandé");
        (await client.GetAsync(new Uri("/data-trust/purposes/unknown-purpose", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_resident_gives_then_withdraws_consent_in_one_click_each_and_gets_a_receipt_for_each()
    {
        var app = await fixture.AppAsync();
        // A resident of their own: the demo resident already belongs to the civic reserve.
        var email = $"accord.{Guid.NewGuid():N}@valbrune.example";
        using (var scope = app.Services.CreateScope())
        {
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(email, "Claire Essai", "A long enough password", [Roles.Resident], CancellationToken.None);
            errors.ShouldBeEmpty();
        }

        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(email, "A long enough password");

        var give = await client.PostFormAsync("/my-data", [new("purpose", "civic-reserve-matching")], "/my-data?handler=Give");
        give.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var receiptPath = give.Headers.Location!.OriginalString;
        receiptPath.ShouldStartWith("/my-data/receipts/");
        var receiptPage = await client.GetStringAsync(new Uri(receiptPath, UriKind.Relative));
        receiptPage.ShouldContain("Vous avez donné votre accord pour « Réserve civique : proposer des missions »");
        (await client.GetStringAsync(new Uri("/my-data", UriKind.Relative))).ShouldContain("Je retire mon accord");

        var withdraw = await client.PostFormAsync("/my-data", [new("purpose", "civic-reserve-matching")], "/my-data?handler=Withdraw");
        withdraw.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetStringAsync(new Uri("/my-data", UriKind.Relative));
        page.ShouldContain("accord retiré");
        var states = await fixture.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var subject = await db.DataSubjects.SingleAsync(s => s.UserId == user.Id);
            var purposeIds = await db.ProcessingPurposes.Where(p => p.Code == "civic-reserve-matching").Select(p => p.Id).ToListAsync();
            return await db.ConsentRecords.Where(c => c.SubjectId == subject.Id && purposeIds.Contains(c.PurposeId)).Select(c => c.Choice).ToListAsync();
        });
        states.Order().ShouldBe([ConsentChoice.Given, ConsentChoice.Withdrawn]);
    }

    [SkippableFact]
    public async Task A_receipt_is_a_kantara_consent_receipt_readable_only_by_its_person_and_the_dpo()
    {
        var app = await fixture.AppAsync();
        var resident = app.CreateBrowserLikeClient();
        await resident.SignInAsync(Demo.Email(Roles.Resident), Demo.Password);
        var give = await resident.PostFormAsync("/my-data", [new("purpose", "heatwave-register")], "/my-data?handler=Give");
        var receiptPath = give.Headers.Location!.OriginalString;

        var json = await resident.GetStringAsync(new Uri(receiptPath + "/json", UriKind.Relative));

        using var receipt = JsonDocument.Parse(json);
        var root = receipt.RootElement;
        root.GetProperty("version").GetString().ShouldBe("KI-CR-v1.1.0");
        root.GetProperty("jurisdiction").GetString().ShouldBe("FR");
        root.GetProperty("consentReceiptID").GetString().ShouldBe(receiptPath.Split('/').Last());
        root.GetProperty("consentTimestamp").GetInt64().ShouldBeGreaterThan(1_700_000_000);
        root.GetProperty("piiControllers")[0].GetProperty("piiController").GetString().ShouldBe("Ville de Valbrune, représentée par son maire");
        root.GetProperty("policyUrl").GetString()!.ShouldEndWith("/data-trust/purposes/heatwave-register");
        var purpose = root.GetProperty("services")[0].GetProperty("purposes")[0];
        purpose.GetProperty("consentType").GetString().ShouldBe("EXPLICIT");
        purpose.GetProperty("piiCategory").EnumerateArray().Select(c => c.GetString()).ShouldContain("Téléphone");
        root.GetProperty("sensitive").GetBoolean().ShouldBeTrue();
        root.GetProperty("reflexes").GetProperty("choice").GetString().ShouldBe("given");
        root.GetProperty("reflexes").GetProperty("channel").GetString().ShouldBe("SelfService");

        var other = app.CreateBrowserLikeClient();
        await other.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        (await other.GetAsync(new Uri(receiptPath, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(new Uri(receiptPath + "/json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var dpo = app.CreateBrowserLikeClient();
        await dpo.SignInAsync(Demo.Email(Roles.DataProtectionOfficer), Demo.Password);
        (await dpo.GetAsync(new Uri(receiptPath, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var anonymous = app.CreateBrowserLikeClient();
        (await anonymous.GetAsync(new Uri(receiptPath + "/json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [SkippableFact]
    public async Task The_dpo_publishes_a_new_version_while_bad_terms_are_refused_field_by_field_and_change_nothing()
    {
        var app = await fixture.AppAsync();
        var dpo = app.CreateBrowserLikeClient();
        await dpo.SignInAsync(Demo.Email(Roles.DataProtectionOfficer), Demo.Password);
        var before = await fixture.WithDbAsync(db => db.ProcessingPurposes.CountAsync());

        var bad = await dpo.PostFormAsync("/data-trust/purposes/edit/outreach-calls",
        [
            new("Title", ""), new("Description", "Appeler les personnes inscrites."), new("LegalBasis", "Consent"),
            new("DataCategories", ""), new("RetentionMonths", "0"), new("Controller", "Ville de Valbrune"), new("ConsentValidityMonths", "500"),
        ]);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await bad.Content.ReadAsStringAsync();
        errors.ShouldContain("href=\"#Title\"");
        errors.ShouldContain("href=\"#DataCategories\"");
        errors.ShouldContain("href=\"#RetentionMonths\"");
        errors.ShouldContain("href=\"#ConsentValidityMonths\"");
        (await fixture.WithDbAsync(db => db.ProcessingPurposes.CountAsync())).ShouldBe(before);

        var good = await dpo.PostFormAsync("/data-trust/purposes/edit/outreach-calls",
        [
            new("Title", "Appels de prévenance"), new("Description", "Appeler chaque semaine les personnes isolées inscrites."), new("LegalBasis", "Consent"),
            new("DataCategories", "Identité\nTéléphone\nRéponses aux appels"), new("RetentionMonths", "12"), new("Controller", "Ville de Valbrune"),
            new("ConsentValidityMonths", "12"),
        ]);
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        good.Headers.Location!.OriginalString.ShouldBe("/data-trust/purposes/outreach-calls");
        var versions = await fixture.WithDbAsync(db => db.ProcessingPurposes.Where(p => p.Code == "outreach-calls").OrderBy(p => p.Version).Select(p => p.Title).ToListAsync());
        versions.ShouldBe(["Appels de prévenance aux personnes fragiles", "Appels de prévenance"]);

        var resident = app.CreateBrowserLikeClient();
        await resident.SignInAsync(Demo.Email(Roles.Resident), Demo.Password);
        var denied = await resident.PostFormAsync("/my-data", [new("Title", "x")], "/data-trust/purposes/edit/outreach-calls");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.OriginalString.ShouldContain("/account/access-denied");
    }
}

public sealed class ConsentPagesSqliteTests(SqliteApp fixture) : ConsentPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class ConsentPagesPostgreSqlTests(PostgreSqlApp fixture) : ConsentPagesTests(fixture), IClassFixture<PostgreSqlApp>;
