using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>Consents and the access service on a real database, once per database.</summary>
public abstract class ConsentLedgerTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly ClaimsPrincipal Caller = new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "agent-1")], "test"));

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase? _database;
    private ReflexesDbContext _db = null!;

    private ConsentLedger Ledger => new(_db, _clock);

    private PersonalDataAccess Access => new(_db, Ledger, new AccessJournal(new AuditLog(_db, _clock)), new PersonalDataGrants(), _clock);

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Called first by each test, so that a missing PostgreSQL is reported as a skip.</summary>
    private async Task OpenAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        _db = _database.CreateContext();
        await _db.Database.MigrateAsync();
        var now = _clock.GetUtcNow().UtcDateTime;
        _db.ProcessingPurposes.AddRange(
            ProcessingPurpose.Create(Terms("heatwave-register", LegalBasis.Consent, validityMonths: 12), "dpo", now),
            ProcessingPurpose.Create(Terms("referral-follow-up", LegalBasis.PublicTask, validityMonths: null), "dpo", now));
        await _db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _db.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_withdrawal_takes_effect_for_the_very_next_read()
    {
        await OpenAsync();
        var person = await NewSubjectAsync();
        await Ledger.RecordAsync(person, "heatwave-register", ConsentChoice.Given, ConsentChannel.Phone, "agent-1", "sa fille", default);
        (await Access.AuthoriseAsync(Read(person), Caller, default)).ShouldBe(new AccessDecision(true, AccessReason.ConsentGiven, ConsentState.Given));

        _clock.Advance(TimeSpan.FromSeconds(1));
        await Ledger.RecordAsync(person, "heatwave-register", ConsentChoice.Withdrawn, ConsentChannel.SelfService, "resident-1", null, default);

        var after = await Access.AuthoriseAsync(Read(person), Caller, default);
        after.Allowed.ShouldBeFalse();
        after.Reason.ShouldBe(AccessReason.NoCurrentConsent);
        after.Consent.ShouldBe(ConsentState.Withdrawn);
    }

    [SkippableFact]
    public async Task A_consent_expires_at_the_end_of_its_validity_and_reads_are_refused_from_then()
    {
        await OpenAsync();
        var person = await NewSubjectAsync();
        var record = await Ledger.RecordAsync(person, "heatwave-register", ConsentChoice.Given, ConsentChannel.PaperForm, "agent-1", null, default);
        record.ExpiresAtUtc.ShouldBe(new DateTime(2027, 6, 1, 9, 0, 0, DateTimeKind.Utc));

        _clock.Advance(TimeSpan.FromDays(364));
        (await Access.AuthoriseAsync(Read(person), Caller, default)).Allowed.ShouldBeTrue();

        _clock.Advance(TimeSpan.FromDays(1));
        var expired = await Access.AuthoriseAsync(Read(person), Caller, default);
        expired.Allowed.ShouldBeFalse();
        expired.Consent.ShouldBe(ConsentState.Expired);
    }

    [SkippableFact]
    public async Task A_new_version_of_a_consent_purpose_needs_consent_again_before_any_read()
    {
        await OpenAsync();
        var person = await NewSubjectAsync();
        await Ledger.RecordAsync(person, "heatwave-register", ConsentChoice.Given, ConsentChannel.SelfService, "resident-1", null, default);
        var v1 = await Ledger.CurrentPurposeAsync("heatwave-register", default);
        _clock.Advance(TimeSpan.FromDays(10));
        _db.ProcessingPurposes.Add(v1!.Revise(Terms("heatwave-register", LegalBasis.Consent, 12) with { DataCategories = "Identité\nTéléphone\nTraitements médicaux" }, "dpo", _clock.GetUtcNow().UtcDateTime));
        await _db.SaveChangesAsync();

        var outdated = await Access.AuthoriseAsync(Read(person), Caller, default);
        outdated.Allowed.ShouldBeFalse();
        outdated.Consent.ShouldBe(ConsentState.OutdatedVersion);

        _clock.Advance(TimeSpan.FromMinutes(5));
        var renewed = await Ledger.RecordAsync(person, "heatwave-register", ConsentChoice.Given, ConsentChannel.SelfService, "resident-1", null, default);
        (await Access.AuthoriseAsync(Read(person), Caller, default)).Allowed.ShouldBeTrue();
        (await _db.ProcessingPurposes.SingleAsync(p => p.Id == renewed.PurposeId)).Version.ShouldBe(2);
    }

    [SkippableFact]
    public async Task A_purpose_resting_on_a_public_task_allows_reads_without_a_choice_and_records_none()
    {
        await OpenAsync();
        var person = await NewSubjectAsync();

        var decision = await Access.AuthoriseAsync(new AccessRequest(person.Id, "referral-follow-up", "outreach.referral", "referral/1"), Caller, default);

        decision.ShouldBe(new AccessDecision(true, AccessReason.OtherLegalBasis, ConsentState.NotAsked));
        await Should.ThrowAsync<InvalidOperationException>(() =>
            Ledger.RecordAsync(person, "referral-follow-up", ConsentChoice.Given, ConsentChannel.Phone, "agent-1", null, default));
    }

    [SkippableFact]
    public async Task Unknown_purposes_unknown_people_and_anonymous_readers_are_refused()
    {
        await OpenAsync();
        var person = await NewSubjectAsync();
        await Ledger.RecordAsync(person, "heatwave-register", ConsentChoice.Given, ConsentChannel.SelfService, "resident-1", null, default);

        (await Access.AuthoriseAsync(Read(person) with { PurposeCode = "marketing" }, Caller, default)).Reason.ShouldBe(AccessReason.UnknownPurpose);
        (await Access.AuthoriseAsync(Read(person) with { SubjectId = Guid.NewGuid() }, Caller, default)).Reason.ShouldBe(AccessReason.UnknownSubject);
        (await Access.AuthoriseAsync(Read(person), new ClaimsPrincipal(new ClaimsIdentity()), default)).Reason.ShouldBe(AccessReason.NoReader);
    }

    [SkippableFact]
    public async Task A_list_is_filtered_person_by_person_keeping_its_order()
    {
        await OpenAsync();
        var given = await NewSubjectAsync();
        var refused = await NewSubjectAsync();
        var silent = await NewSubjectAsync();
        var alsoGiven = await NewSubjectAsync();
        await Ledger.RecordAsync(given, "heatwave-register", ConsentChoice.Given, ConsentChannel.Phone, "agent-1", null, default);
        await Ledger.RecordAsync(refused, "heatwave-register", ConsentChoice.Refused, ConsentChannel.Phone, "agent-1", null, default);
        await Ledger.RecordAsync(alsoGiven, "heatwave-register", ConsentChoice.Given, ConsentChannel.InPerson, "agent-1", null, default);

        var kept = await Access.FilterAsync([alsoGiven.Id, refused.Id, silent.Id, given.Id], "heatwave-register", "outreach.target-list", Caller, default);

        kept.ShouldBe([alsoGiven.Id, given.Id]);
    }

    [SkippableFact]
    public async Task A_read_about_one_person_decides_like_a_list_whatever_the_person_chose_and_when()
    {
        await OpenAsync();
        var people = new List<DataSubject>();
        async Task<DataSubject> PersonAsync(params ConsentChoice[] choices)
        {
            var person = await NewSubjectAsync();
            foreach (var choice in choices)
            {
                await Ledger.RecordAsync(person, "heatwave-register", choice, ConsentChannel.Phone, "agent-1", null, default);
            }

            people.Add(person);
            return person;
        }

        await PersonAsync();
        await PersonAsync(ConsentChoice.Given);
        await PersonAsync(ConsentChoice.Refused);
        await PersonAsync(ConsentChoice.Given, ConsentChoice.Refused); // same time, same version: the identifier decides, in both paths
        var withdrawing = await PersonAsync(ConsentChoice.Given);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Ledger.RecordAsync(withdrawing, "heatwave-register", ConsentChoice.Withdrawn, ConsentChannel.SelfService, "resident-1", null, default);
        _clock.Advance(TimeSpan.FromDays(10));
        var v1 = await Ledger.CurrentPurposeAsync("heatwave-register", default);
        _db.ProcessingPurposes.Add(v1!.Revise(Terms("heatwave-register", LegalBasis.Consent, 12), "dpo", _clock.GetUtcNow().UtcDateTime));
        await _db.SaveChangesAsync();
        await PersonAsync(ConsentChoice.Given);
        _clock.Advance(TimeSpan.FromDays(200));
        await PersonAsync(ConsentChoice.Given);
        _clock.Advance(TimeSpan.FromDays(200)); // of the two consents to version 2, the first has expired (12 months), the second has not
        var subjects = people.Select(p => p.Id).Append(Guid.NewGuid()).ToList();

        var checkedStates = new List<ConsentState>();
        foreach (var code in new[] { "heatwave-register", "referral-follow-up", "marketing" })
        {
            var listed = await Access.FilterAsync(subjects, code, "outreach.target-list", Caller, default);
            var purpose = await Ledger.CurrentPurposeAsync(code, default);
            var states = purpose is null ? null : await Ledger.StatesAsync(purpose, subjects, default);
            foreach (var id in subjects)
            {
                var one = await Access.AuthoriseAsync(new AccessRequest(id, code, "outreach.call-sheet", "call/1"), Caller, default);
                one.Allowed.ShouldBe(listed.Contains(id), $"{code}, subject {id}");
                if (states is not null && people.Any(p => p.Id == id))
                {
                    one.Consent.ShouldBe(states[id], $"{code}, subject {id}");
                    checkedStates.Add(one.Consent);
                }
            }
        }

        checkedStates.ShouldContain(ConsentState.NotAsked);
        checkedStates.ShouldContain(ConsentState.Given);
        checkedStates.ShouldContain(ConsentState.Refused);
        checkedStates.ShouldContain(ConsentState.Withdrawn);
        checkedStates.ShouldContain(ConsentState.OutdatedVersion);
        checkedStates.ShouldContain(ConsentState.Expired);
    }

    [SkippableFact]
    public async Task Every_decision_allowed_or_refused_leaves_an_audit_entry_naming_the_reader_purpose_and_subject()
    {
        await OpenAsync();
        var person = await NewSubjectAsync();
        var before = await (await _db.IntegratedAuditAsync()).CountAsync();

        await Access.AuthoriseAsync(Read(person), Caller, default);
        await Ledger.RecordAsync(person, "heatwave-register", ConsentChoice.Given, ConsentChannel.Phone, "agent-1", null, default);
        await Access.AuthoriseAsync(Read(person), Caller, default);
        await Access.FilterAsync([person.Id, Guid.NewGuid()], "heatwave-register", "outreach.target-list", Caller, default);

        var entries = await (await _db.IntegratedAuditAsync()).OrderBy(e => e.Sequence).Skip(before).ToListAsync();
        entries.Select(e => (e.Actor, e.Action, e.Result)).ShouldBe(
        [
            ("user:agent-1", "outreach.call-sheet", "Denied"),
            ("user:agent-1", "outreach.call-sheet", "Allowed"),
            ("user:agent-1", "outreach.target-list", "Allowed"),
            ("user:agent-1", "outreach.target-list", "Denied"),
        ]);
        entries[0].Purpose.ShouldBe("heatwave-register (NoCurrentConsent)");
        entries[0].Record!.ShouldStartWith(AccessJournal.SubjectRecordPrefix(person.Id));
    }

    private static AccessRequest Read(DataSubject person) => new(person.Id, "heatwave-register", "outreach.call-sheet", "registrant/" + person.Id);

    private static PurposeTerms Terms(string code, LegalBasis basis, int? validityMonths) =>
        new(code, "Registre " + code, "Appeler les personnes inscrites pendant une canicule.", basis, "Identité\nTéléphone", 24,
            "Ville de Valbrune", validityMonths, SpecialCategories: true);

    private async Task<DataSubject> NewSubjectAsync()
    {
        var subject = DataSubject.Create(null, _clock.GetUtcNow().UtcDateTime);
        _db.DataSubjects.Add(subject);
        await _db.SaveChangesAsync();
        return subject;
    }
}

public sealed class ConsentLedgerSqliteTests() : ConsentLedgerTests(DatabaseKind.Sqlite);

public sealed class ConsentLedgerPostgreSqlTests() : ConsentLedgerTests(DatabaseKind.PostgreSql);
