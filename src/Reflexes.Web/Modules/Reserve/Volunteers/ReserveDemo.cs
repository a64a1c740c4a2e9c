using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// The demo territory's civic reserve: a skill list, about twenty volunteers registered by the
/// coordination unit with their consent, the demo resident as a member, and three agents of the
/// "Solidarités et seniors" service with reassignments (the demo agent account manages two of them).
/// Writes rows directly (no reads of personal data) inside the seeding transaction.
/// </summary>
public sealed class ReserveDemo(ReflexesDbContext db, ConsentRecording consents, TimeProvider clock)
{
    private static readonly (string Parent, string[] Children)[] SkillTree =
    [
        ("Santé et secours", ["Premiers secours (PSC1)", "Soins infirmiers", "Soutien psychologique"]),
        ("Aide alimentaire", ["Distribution alimentaire", "Cuisine collective", "Collecte en magasin"]),
        ("Accompagnement des personnes", ["Visite aux personnes isolées", "Aide administrative", "Interprétariat"]),
        ("Logistique", ["Conduite de véhicule (permis B)", "Manutention", "Gestion de stock"]),
        ("Numérique", ["Médiation numérique"]),
        ("Éducation", ["Aide aux devoirs", "Français langue étrangère"]),
    ];

    // First name, last name, neighbourhood index, languages, skills, secondary skills, pattern, never, week cap, month cap, km
    private static readonly (string First, string Last, int Hood, string Langs, string[] Skills, string[] Secondary, string Pattern, string Never, int Week, int Month, int Km)[] People =
    [
        ("Marie", "Lemoine", 0, "fr,en", ["Premiers secours (PSC1)", "Visite aux personnes isolées"], [], "Mo Tu We Th Fr", "Sa Su", 3, 8, 5),
        ("Youssef", "El Amrani", 1, "fr,ar", ["Distribution alimentaire", "Interprétariat"], ["Aide administrative"], "Sa Su", "", 2, 6, 8),
        ("Claire", "Dubois", 2, "fr", ["Soins infirmiers", "Premiers secours (PSC1)"], [], "We Sa", "", 2, 4, 10),
        ("Thierry", "Masson", 3, "fr", ["Conduite de véhicule (permis B)", "Manutention"], ["Gestion de stock"], "Mo Tu We Th Fr Sa", "WeP", 4, 12, 15),
        ("Anh", "Tran", 4, "fr,vi,en", ["Médiation numérique"], ["Aide administrative"], "TuP ThP", "Sa Su", 2, 6, 6),
        ("Fatoumata", "Keita", 5, "fr,bm,wo", ["Cuisine collective", "Interprétariat"], [], "MoA WeA FrA", "", 3, 10, 4),
        ("Jean-Luc", "Perrin", 6, "fr", ["Gestion de stock", "Manutention"], [], "Mo Tu We Th Fr", "", 5, 16, 12),
        ("Sofia", "Costa", 7, "fr,pt,es", ["Aide aux devoirs", "Français langue étrangère"], ["Médiation numérique"], "MoP TuP ThP", "Sa Su", 3, 10, 5),
        ("Ibrahim", "Touré", 0, "fr,ar,en", ["Distribution alimentaire", "Conduite de véhicule (permis B)"], [], "Sa Su", "", 2, 8, 20),
        ("Hélène", "Garnier", 1, "fr,de", ["Visite aux personnes isolées", "Soutien psychologique"], [], "Tu Th", "", 2, 6, 3),
        ("Priya", "Raman", 2, "fr,ta,en", ["Interprétariat", "Aide administrative"], ["Soutien psychologique"], "WeP SaA", "", 2, 5, 8),
        ("Romain", "Vidal", 3, "fr,es", ["Collecte en magasin", "Manutention"], [], "Sa", "Su", 1, 4, 10),
        ("Nathalie", "Roche", 4, "fr", ["Aide administrative"], ["Médiation numérique"], "MoA TuA WeA ThA FrA", "Sa Su", 4, 12, 5),
        ("Oleksandr", "Kovalenko", 5, "uk,ru,fr", ["Conduite de véhicule (permis B)", "Interprétariat"], [], "Mo Tu We Th Fr Sa Su", "", 6, 20, 25),
        ("Camille", "Noël", 6, "fr,en", ["Premiers secours (PSC1)", "Aide aux devoirs"], [], "WeP SaP", "", 2, 6, 6),
        ("Abdelkader", "Mansouri", 7, "fr,ar,ber", ["Cuisine collective", "Distribution alimentaire"], ["Gestion de stock"], "Mo We Fr", "", 3, 10, 7),
        ("Lucie", "Marchand", 0, "fr,fsl", ["Interprétariat", "Visite aux personnes isolées"], [], "TuA ThA", "", 2, 6, 5),
        ("Gérard", "Aubert", 1, "fr", ["Conduite de véhicule (permis B)", "Visite aux personnes isolées"], [], "Mo Tu We Th Fr", "", 4, 12, 30),
        ("Mei", "Chen", 2, "fr,zh,en", ["Médiation numérique", "Aide aux devoirs"], [], "SaA SuA", "", 2, 6, 8),
        ("Bernard", "Lopez", 3, "fr,es", ["Soins infirmiers"], ["Soutien psychologique"], "Mo Th", "Sa Su", 2, 4, 10),
    ];

    private static readonly string[] Hoods =
    [
        "CENTRE-VILLE", "LES-TANNEURS", "BELLEVUE", "LE-PORT", "LES-COTEAUX", "LA-ROSERAIE", "SAINT-ELOI", "LES-QUATRE-VENTS",
    ];

    public const string ServiceName = "Solidarités et seniors";

    /// <summary>Seeds the reserve of the demo territory, once; the demo accounts must exist.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        string Email(string role) => DemoTerritory.Accounts.First(a => a.Role == role).Email;
        var coordinatorEmail = Email(Access.Domain.Roles.Coordinator);
        var residentEmail = Email(Access.Domain.Roles.Resident);
        var coordinatorUserId = await db.Users.Where(u => u.Email == coordinatorEmail).Select(u => u.Id).SingleAsync(ct);
        var residentUserId = await db.Users.Where(u => u.Email == residentEmail).Select(u => u.Id).SingleAsync(ct);
        await SeedAsync(coordinatorUserId, residentUserId, Email(Access.Domain.Roles.Agent), ct);
    }

    private async Task SeedAsync(string coordinatorUserId, string residentUserId, string agentUserEmail, CancellationToken ct)
    {
        if (await db.Skills.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var skills = new Dictionary<string, Guid>();
        foreach (var (parent, children) in SkillTree)
        {
            var p = Skill.Create(parent, null, DemoTerritory.IdFor("skill", parent));
            db.Skills.Add(p);
            skills[parent] = p.Id;
            foreach (var child in children)
            {
                var c = Skill.Create(child, p.Id, DemoTerritory.IdFor("skill", child));
                db.Skills.Add(c);
                skills[child] = c.Id;
            }
        }

        await db.SaveChangesAsync(ct);
        var hoods = await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Code, ct);

        Volunteer Add(Guid subjectId, VolunteerKind kind, VolunteerEnrolment enrolment, string? userId, Guid? agentId, VolunteerProfile profile, string recordedBy)
        {
            var hood = hoods.Values.First(h => h.Id == profile.NeighbourhoodId);
            var place = profile.Latitude is { } lat ? (lat, profile.Longitude!.Value) : VolunteerPlaces.Centre(hood.OutlineGeoJson)!.Value;
            var v = Volunteer.Join(subjectId, kind, enrolment, userId, agentId, profile, place, recordedBy, now);
            db.Add(v);
            db.AddRange(profile.Skills.Select(s => VolunteerSkill.Create(v, s, false)));
            db.AddRange(profile.SecondarySkills.Select(s => VolunteerSkill.Create(v, s, true)));
            db.AddRange(profile.Exceptions.Select(e => VolunteerDatedAvailability.Create(v, e)));
            return v;
        }

        for (var i = 0; i < People.Length; i++)
        {
            var p = People[i];
            var subject = await consents.NewSubjectAsync(ct);
            await consents.RecordThroughAgentAsync(subject, VolunteerDesk.Purpose, true, i % 3 == 0 ? ConsentChannel.InPerson : ConsentChannel.Phone, coordinatorUserId, null, ct);
            // A few people gave an exact place; the others are placed at their neighbourhood's centre.
            var hood = hoods[Hoods[p.Hood]];
            (double, double)? exact = i % 4 == 1 ? Jitter(VolunteerPlaces.Centre(hood.OutlineGeoJson)!.Value, i) : null;
            var exceptions = i % 5 == 0
                ? new List<VolunteerExceptionDay> { new(new(NextDay(today, DayOfWeek.Saturday).AddDays(7), VolunteerPeriod.Morning), true), new(new(NextDay(today, DayOfWeek.Monday).AddDays(7), VolunteerPeriod.Morning), false) }
                : [];
            Add(subject, VolunteerKind.Resident, VolunteerEnrolment.ByCoordinator, null, null, new VolunteerProfile(
                p.First, p.Last, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"06 00 00 {i / 10:00} {i % 10:00}"), null, hood.Id, exact?.Item1, exact?.Item2,
                p.Km, p.Week, p.Month, p.Langs.Split(','), [.. p.Skills.Select(s => skills[s])], [.. p.Secondary.Select(s => skills[s])],
                Week(p.Pattern), Week(p.Never), exceptions), coordinatorUserId);
        }

        // The demo resident is a member too, signed up with her own account.
        var rose = await consents.SubjectOfAccountAsync(residentUserId, ct);
        await consents.RecordOwnChoiceAsync(residentUserId, VolunteerDesk.Purpose, true, ct);
        Add(rose, VolunteerKind.Resident, VolunteerEnrolment.SelfService, residentUserId, null, new VolunteerProfile(
            "Rose", "Résidente", null, null, hoods["BELLEVUE"].Id, null, null, 5, 2, 6, ["fr", "it"],
            [skills["Visite aux personnes isolées"], skills["Cuisine collective"]], [skills["Médiation numérique"]],
            Week("WeP SaA"), Week("Su"), []), residentUserId);

        await SeedAgentsAsync(coordinatorUserId, agentUserEmail, skills, hoods, today, now, Add, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedAgentsAsync(
        string coordinatorUserId, string agentUserEmail, Dictionary<string, Guid> skills, Dictionary<string, Neighbourhood> hoods, DateOnly today, DateTime now,
        Func<Guid, VolunteerKind, VolunteerEnrolment, string?, Guid?, VolunteerProfile, string, Volunteer> add, CancellationToken ct)
    {
        var city = await db.Organisations.FirstAsync(o => o.Name == DemoTerritory.LocalGovernmentName, ct);
        db.Add(ReassignmentQuota.Create(city.Id, today.Year, 10, coordinatorUserId, now));
        db.Add(ReassignmentQuota.Create(city.Id, today.Year + 1, 10, coordinatorUserId, now));

        // The demo agent account joins the directory as the seniors unit's lead, under the head of service,
        // and becomes the home manager of the two other agents of the service.
        var service = await db.Organisations.FirstAsync(o => o.Name == ServiceName, ct);
        var staff = await db.Agents.Where(a => a.ServiceId == service.Id).ToListAsync(ct);
        var head = staff.First(a => a.ManagerId == null);
        var antoine = Agent.Create("Antoine", "Agent", agentUserEmail, "Responsable de la cellule seniors", service.Id, head.Id, DemoTerritory.IdFor("agent", agentUserEmail));
        db.Agents.Add(antoine);
        await db.SaveChangesAsync(ct);
        var colleagues = staff.Where(a => a.Id != head.Id).Take(2).ToList();
        foreach (var c in colleagues)
        {
            c.Update(c.FirstName, c.LastName, c.Email, c.JobTitle, c.ServiceId, antoine.Id);
        }

        var foodBank = await db.Organisations.FirstAsync(o => o.Name == "Banque alimentaire du Valbrunois", ct);
        var elders = await db.Organisations.FirstAsync(o => o.Name == "Coup de main aux aînés", ct);
        var civil = await db.Organisations.FirstAsync(o => o.Name == "Protection civile locale", ct);
        var agentAccount = await db.Users.Where(u => u.Email == agentUserEmail).Select(u => u.Id).FirstAsync(ct);

        var subject = await consents.SubjectOfAccountAsync(agentAccount, ct);
        await consents.RecordOwnChoiceAsync(agentAccount, VolunteerDesk.Purpose, true, ct);
        var a = add(subject, VolunteerKind.Agent, VolunteerEnrolment.StaffDirectory, agentAccount, antoine.Id, new VolunteerProfile(
            "Antoine", "Agent", null, agentUserEmail, hoods["CENTRE-VILLE"].Id, null, null, 10, 2, 4, ["fr", "en"],
            [skills["Aide administrative"], skills["Conduite de véhicule (permis B)"]], [skills["Gestion de stock"]], Week("TuP ThP"), Week("Sa Su"), []), agentAccount);
        var approved = Reassignment.Request(a, antoine.Id, head.Id, foodBank.Id, "Renfort de la banque alimentaire pour la collecte d’hiver.",
            today.AddDays(-21), today.AddDays(60), today.AddDays(61), agentAccount, now.AddDays(-30));
        approved.Decide(true, "Accordé pour la collecte d’hiver.", coordinatorUserId, now.AddDays(-28));
        approved.NameMentor("Sylvie Marchal, responsable logistique, 04 00 00 00 12", now.AddDays(-27));
        db.Add(approved);
        foreach (var back in new[] { 16, 14, 9 })
        {
            db.Add(ReassignmentHalfDay.Record(approved, new VolunteerHalfDay(today.AddDays(-back), VolunteerPeriod.Afternoon),
                "collecte-hiver", [skills["Conduite de véhicule (permis B)"], skills["Gestion de stock"]], coordinatorUserId, now.AddDays(-back)));
        }

        var hosts = new[] { (elders, "Visites de convivialité aux aînés isolés pendant l’hiver."), (civil, "Appui à la protection civile pour le plan grand froid.") };
        for (var i = 0; i < colleagues.Count; i++)
        {
            var c = colleagues[i];
            var s = await consents.NewSubjectAsync(ct);
            await consents.RecordThroughAgentAsync(s, VolunteerDesk.Purpose, true, ConsentChannel.InPerson, coordinatorUserId, null, ct);
            var v = add(s, VolunteerKind.Agent, VolunteerEnrolment.StaffDirectory, null, c.Id, new VolunteerProfile(
                c.FirstName, c.LastName, null, c.Email, hoods[Hoods[2 + (i * 3)]].Id, null, null, 8, 2, 6, ["fr"],
                [skills[i == 0 ? "Visite aux personnes isolées" : "Premiers secours (PSC1)"]], [skills["Aide administrative"]], Week("Mo Tu We Th Fr"), Week("Sa Su"), []), coordinatorUserId);
            if (i == 1)
            {
                var past = Reassignment.Request(v, c.Id, head.Id, civil.Id, "Renfort canicule de l’été.", today.AddDays(-150), today.AddDays(-120), today.AddDays(-119), coordinatorUserId, now.AddDays(-160));
                past.Decide(true, null, coordinatorUserId, now.AddDays(-155));
                past.NameMentor("Karim Benali, chef d’équipe", now.AddDays(-152));
                past.End(today.AddDays(-120));
                db.Add(past);
            }

            db.Add(Reassignment.Request(v, c.Id, antoine.Id, hosts[i].Item1.Id, hosts[i].Item2,
                today.AddDays(7 + (i * 7)), today.AddDays(40 + (i * 7)), today.AddDays(41 + (i * 7)), coordinatorUserId, now.AddDays(-2)));
        }

        // After the winter collection, the demo agent asked to help at the solidarity grocery, the partner account's
        // organisation: its members name his mentor on their "hosted agents" page.
        var grocery = await db.Organisations.FirstAsync(o => o.Name == "Épicerie solidaire des Tanneurs", ct);
        db.Add(Reassignment.Request(a, antoine.Id, head.Id, grocery.Id, "Accueil des bénéficiaires de l’épicerie solidaire au printemps.",
            today.AddDays(63), today.AddDays(90), today.AddDays(91), agentAccount, now.AddDays(-1)));
    }

    private static VolunteerWeek Week(string cells)
    {
        var days = new Dictionary<string, DayOfWeek>
        {
            ["Mo"] = DayOfWeek.Monday,
            ["Tu"] = DayOfWeek.Tuesday,
            ["We"] = DayOfWeek.Wednesday,
            ["Th"] = DayOfWeek.Thursday,
            ["Fr"] = DayOfWeek.Friday,
            ["Sa"] = DayOfWeek.Saturday,
            ["Su"] = DayOfWeek.Sunday,
        };
        var week = VolunteerWeek.None;
        foreach (var token in cells.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var day = days[token[..2]];
            if (token.Length == 2 || token[2] == 'A')
            {
                week = week.With(new(day, VolunteerPeriod.Morning));
            }

            if (token.Length == 2 || token[2] == 'P')
            {
                week = week.With(new(day, VolunteerPeriod.Afternoon));
            }
        }

        return week;
    }

    private static DateOnly NextDay(DateOnly from, DayOfWeek day)
    {
        var ahead = ((int)day - (int)from.DayOfWeek + 7) % 7;
        return from.AddDays(ahead == 0 ? 7 : ahead);
    }

    private static (double, double) Jitter((double Latitude, double Longitude) centre, int i) =>
        (Math.Round(centre.Latitude + (((i % 3) - 1) * 0.003), 5), Math.Round(centre.Longitude + (((i % 5) - 2) * 0.002), 5));
}
