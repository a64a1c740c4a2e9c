using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Audit;
using Reflexes.Testing;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>The audit log in the running app: appends from several instances, signing, the public page and the proof endpoints. Once per database.</summary>
public abstract class AuditLogTests(DatabaseKind kind)
{
    private static Dictionary<string, string?> NoDemo => new() { ["Database:SeedDemoOnEmpty"] = "false" };

    [SkippableFact]
    public async Task Two_instances_signing_at_once_publish_one_head_for_one_size_and_share_one_key()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var first = new ReflexesAppFactory(database, NoDemo);
        await using var second = new ReflexesAppFactory(database, NoDemo);
        await AppendAsync(first, 5);

        var signed = await Task.WhenAll(new[] { first, second, first, second }.Select(app => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AuditSigning>().SignIfDueAsync(CancellationToken.None);
        })));

        signed.Count(h => h is not null).ShouldBe(1);
        await using var db = database.CreateContext();
        (await db.Set<AuditTreeHead>().CountAsync()).ShouldBe(1);
        (await db.Set<AuditSigningKey>().CountAsync()).ShouldBe(1);
        (await db.Set<AuditTreeHead>().SingleAsync()).TreeSize.ShouldBe(5);
    }

    [SkippableFact]
    public async Task The_background_job_signs_a_head_by_itself_once_the_log_has_grown()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var settings = NoDemo;
        settings["Audit:SigningInterval"] = "00:00:00.200";
        await using var app = new ReflexesAppFactory(database, settings);
        await AppendAsync(app, 3);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        long? signedSize = null;
        while (signedSize != 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            await using var db = database.CreateContext();
            signedSize = await db.Set<AuditTreeHead>().OrderByDescending(h => h.TreeSize).Select(h => (long?)h.TreeSize).FirstOrDefaultAsync();
        }

        signedSize.ShouldBe(3);
    }

    [SkippableFact]
    public async Task The_signing_key_is_stored_encrypted_and_its_public_half_verifies_the_heads()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, NoDemo);
        await AppendAsync(app, 3);
        await SignAsync(app);

        await using var db = database.CreateContext();
        var key = await db.Set<AuditSigningKey>().SingleAsync();
        var head = (await db.Set<AuditTreeHead>().SingleAsync()).ToSigned();
        // A PKCS#8 EC key starts with an ASN.1 SEQUENCE (0x30); the stored text is Data Protection's envelope instead.
        Convert.FromBase64String(key.ProtectedPrivateKey)[0].ShouldNotBe((byte)0x30);
        TreeHeadPublicKey.FromSubjectPublicKeyInfo(key.PublicKey).Verifies(head).ShouldBeTrue();
        head.Head.Size.ShouldBe(3);
    }

    [SkippableFact]
    public async Task The_public_page_shows_the_key_and_the_signed_heads_to_anyone_in_french_then_english()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, NoDemo);
        await AppendAsync(app, 4);
        var head = await SignAsync(app);
        var client = app.CreateBrowserLikeClient();

        var french = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/audit", UriKind.Relative)));
        french.ShouldContain("Journal d’audit infalsifiable");
        french.ShouldContain(head.KeyFingerprint);
        french.ShouldContain("-----BEGIN PUBLIC KEY-----");
        french.ShouldContain(Convert.ToBase64String(head.RootHash));

        (await client.PostFormAsync("/audit", [new("culture", "en"), new("returnUrl", "/audit")], "/culture")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/audit", UriKind.Relative)));
        english.ShouldContain("Tamper-evident audit log");
        english.ShouldContain("<html lang=\"en\">");
    }

    [SkippableFact]
    public async Task The_published_heads_carry_the_signed_text_and_verify_with_the_published_key()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, NoDemo);
        await AppendAsync(app, 3);
        await SignAsync(app);
        await AppendAsync(app, 4);
        await SignAsync(app);
        var client = app.CreateBrowserLikeClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/audit/tree-heads", UriKind.Relative)));
        var key = TreeHeadPublicKey.FromPem(json.RootElement.GetProperty("publicKeys")[0].GetProperty("pem").GetString()!);
        var heads = json.RootElement.GetProperty("treeHeads").EnumerateArray().ToList();

        heads.Select(h => h.GetProperty("treeSize").GetInt64()).ShouldBe([7L, 3L]);
        foreach (var h in heads)
        {
            var head = new TreeHead(
                h.GetProperty("origin").GetString()!,
                h.GetProperty("treeSize").GetInt64(),
                h.GetProperty("rootHash").GetBytesFromBase64(),
                DateTimeOffset.FromUnixTimeMilliseconds(h.GetProperty("timestamp").GetInt64()));
            System.Text.Encoding.UTF8.GetString(head.Encode()).ShouldBe(h.GetProperty("signedText").GetString());
            key.Verifies(new SignedTreeHead(head, h.GetProperty("signature").GetBytesFromBase64())).ShouldBeTrue();
        }
    }

    [SkippableFact]
    public async Task A_consistency_proof_between_two_published_heads_verifies_and_bad_sizes_get_a_problem()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, NoDemo);
        await AppendAsync(app, 3);
        var older = await SignAsync(app);
        await AppendAsync(app, 8);
        var newer = await SignAsync(app);
        var client = app.CreateBrowserLikeClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/audit/consistency?first=3&second=11", UriKind.Relative)));
        var proof = json.RootElement.GetProperty("proof").EnumerateArray().Select(p => p.GetBytesFromBase64()).ToList();
        MerkleProof.VerifyConsistency(3, 11, older.RootHash, newer.RootHash, proof).IsValid.ShouldBeTrue();

        var bad = await client.GetAsync(new Uri("/api/audit/consistency?first=5&second=50", UriKind.Relative));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await bad.Content.ReadAsStringAsync()).ShouldContain("1 ≤ first ≤ second ≤ 11");
    }

    [SkippableFact]
    public async Task Inclusion_proofs_are_for_the_data_protection_officer_and_administrators_and_verify()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database);
        _ = app.Server; // the demo territory and its accounts
        await AppendAsync(app, 6);
        var head = await SignAsync(app); // the demo seed's own entries come first
        head.TreeSize.ShouldBeGreaterThanOrEqualTo(6);
        var anonymous = app.CreateBrowserLikeClient();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Reflexes.Web.Modules.Access.Domain.Roles.Agent), Demo.Password);
        var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync(Demo.Admin, Demo.Password);
        var address = new Uri("/api/audit/inclusion?sequence=4", UriKind.Relative);

        (await anonymous.GetAsync(address)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await agent.GetAsync(address)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var response = await admin.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("treeSize").GetInt64().ShouldBe(head.TreeSize);
        var proof = json.RootElement.GetProperty("proof").EnumerateArray().Select(p => p.GetBytesFromBase64()).ToList();
        await using var db = database.CreateContext();
        var leaf = (await db.Set<AuditEntry>().SingleAsync(e => e.Sequence == 4)).LeafHash;
        MerkleProof.VerifyInclusion(4, (ulong)head.TreeSize, leaf, proof, head.RootHash).IsValid.ShouldBeTrue();
        (await (await db.IntegratedAuditAsync()).SingleAsync(e => e.Sequence == head.TreeSize)).Record.ShouldBe("audit-entry:4");
        (await admin.GetAsync(new Uri($"/api/audit/inclusion?sequence={head.TreeSize}&treeSize={head.TreeSize}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task An_administrator_signs_a_head_on_demand_from_a_form_that_needs_no_javascript()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database);
        _ = app.Server;
        await AppendAsync(app, 2);
        long before;
        await using (var seeded = database.CreateContext())
        {
            before = await (await seeded.IntegratedAuditAsync()).LongCountAsync(); // the demo seed's entries and our two
        }

        var anonymous = app.CreateBrowserLikeClient();
        var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync(Demo.Admin, Demo.Password);

        var refused = await anonymous.GetAsync(new Uri("/audit/sign", UriKind.Relative));
        var signed = await admin.PostFormAsync("/audit/sign", []);

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/account/sign-in");
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signed.Headers.Location!.ToString().ShouldBe("/audit#heads");
        await using var db = database.CreateContext();
        (await db.Set<AuditTreeHead>().SingleAsync()).TreeSize.ShouldBe(before + 1); // the entries so far, and the signing itself
        (await db.Set<AuditEntry>().SingleAsync(e => e.Sequence == before)).Action.ShouldBe("audit.sign-tree-head");
        WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/audit", UriKind.Relative))).ShouldContain("Une nouvelle tête d’arbre a été signée et publiée.");
    }

    [SkippableFact]
    public async Task The_data_protection_officer_consults_the_entries_for_one_record_and_the_consultation_is_recorded()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database);
        _ = app.Server;
        await AppendAsync(app, 4); // records resident:0 to resident:3
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Reflexes.Web.Modules.Access.Domain.Roles.Agent), Demo.Password);
        var dpo = app.CreateBrowserLikeClient();
        await dpo.SignInAsync(Demo.Email(Reflexes.Web.Modules.Access.Domain.Roles.DataProtectionOfficer), Demo.Password);

        var refused = await agent.GetAsync(new Uri("/audit/entries", UriKind.Relative));
        var page = await dpo.GetAsync(new Uri("/audit/entries?record=resident%3A2", UriKind.Relative));

        refused.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("resident:2");
        html.ShouldNotContain("resident:1<");
        html.ShouldContain("Autorisé");
        await using var db = database.CreateContext();
        var last = await (await db.IntegratedAuditAsync()).OrderByDescending(e => e.Sequence).FirstAsync();
        last.Action.ShouldBe("audit.consult");
        last.Record.ShouldBe("resident:2");
    }

    private static async Task AppendAsync(ReflexesAppFactory app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(new AuditEvent("user:agent", "resident.read", "heat-wave-plan", $"resident:{i}", AuditResult.Allowed), CancellationToken.None);
        }
    }

    private static async Task<AuditTreeHead> SignAsync(ReflexesAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditSigning>().SignNowAsync(CancellationToken.None);
    }
}

public sealed class AuditLogTests_OnSqlite() : AuditLogTests(DatabaseKind.Sqlite);

public sealed class AuditLogTests_OnPostgreSql() : AuditLogTests(DatabaseKind.PostgreSql);
