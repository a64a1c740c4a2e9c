using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>
/// The demo territory's orientation: routing rules, the partner account working for the food bank, and
/// six referrals about five registered residents, at every stage from waiting to closed (one late).
/// </summary>
public sealed class ReferralDemo(ReflexesDbContext db, ConsentRecording consents, ReferralRecords records, ReferralDeadlines deadlines, TimeProvider clock)
{
    public static readonly Guid FoodBank = DemoTerritory.IdFor("organisation", "Banque alimentaire du Valbrunois");
    public static readonly Guid GroceryTanneurs = DemoTerritory.IdFor("organisation", "Épicerie solidaire des Tanneurs");
    public static readonly Guid Ccas = DemoTerritory.IdFor("organisation", "ccas");
    public static readonly Guid Seniors = DemoTerritory.IdFor("organisation", "Solidarités et seniors");
    public static readonly Guid Generations = DemoTerritory.IdFor("organisation", "Lien intergénérations");
    public static readonly Guid Housing = DemoTerritory.IdFor("organisation", "Collectif logement digne");
    public static readonly Guid Tanneurs = DemoTerritory.IdFor("neighbourhood", "LES-TANNEURS");

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.RoutingRules.AnyAsync(ct) || !await db.Organisations.AnyAsync(o => o.Id == FoodBank, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var orientator = await UserIdAsync("orientation@valbrune.example", ct);
        var agent = await UserIdAsync("agent@valbrune.example", ct);
        var partner = await UserIdAsync("partenaire@valbrune.example", ct);

        (NeedCategory? Category, Guid? Neighbourhood, Guid Service)[] rules =
        [
            (NeedCategory.Food, null, FoodBank), (NeedCategory.Food, Tanneurs, GroceryTanneurs), (NeedCategory.Health, null, Seniors),
            (NeedCategory.Care, null, Seniors), (NeedCategory.Isolation, null, Generations), (NeedCategory.Housing, null, Housing),
            (NeedCategory.Money, null, Ccas), (NeedCategory.AdministrativeHelp, null, Ccas), (null, null, Ccas),
        ];
        foreach (var (category, neighbourhood, service) in rules)
        {
            db.Add(RoutingRule.Create(category, neighbourhood, service, orientator, now,
                DemoTerritory.IdFor("routing-rule", category + "/" + neighbourhood)));
        }

        db.Add(ServiceMember.Add(FoodBank, partner, orientator, now, DemoTerritory.IdFor("service-member", "partner/food-bank")));
        db.Add(ServiceMember.Add(Generations, partner, orientator, now, DemoTerritory.IdFor("service-member", "partner/generations")));

        var yvonne = await PersonAsync("Yvonne", "Cartier", new DateOnly(1936, 4, 2), "7 rue des Tanneurs", Tanneurs, "04 78 20 31 42", agent, now, ct);
        var marcel = await PersonAsync("Marcel", "Perrin", new DateOnly(1941, 11, 19), "22 avenue de Bellevue", DemoTerritory.IdFor("neighbourhood", "BELLEVUE"), "04 78 20 53 64", agent, now, ct);
        var josette = await PersonAsync("Josette", "Vallet", new DateOnly(1933, 8, 27), "3 quai du Port", DemoTerritory.IdFor("neighbourhood", "LE-PORT"), "04 78 20 75 86", agent, now, ct);
        var andre = await PersonAsync("André", "Masson", new DateOnly(1945, 1, 8), "15 chemin des Coteaux", DemoTerritory.IdFor("neighbourhood", "LES-COTEAUX"), "04 78 20 97 08", agent, now, ct);
        var simone = await PersonAsync("Simone", "Leroy", new DateOnly(1939, 6, 30), "9 rue Saint-Éloi", DemoTerritory.IdFor("neighbourhood", "SAINT-ELOI"), "04 78 21 19 20", agent, now, ct);

        // Waiting for orientation: filed this morning and yesterday.
        File(yvonne, NeedCategory.Food, ReferralUrgency.Urgent, "Frigo vide, ne peut plus porter ses courses depuis sa chute.", true, agent, now.AddHours(-1));
        File(marcel, NeedCategory.Isolation, ReferralUrgency.Normal, "Vit seul depuis le décès de son épouse, ne sort plus.", true, agent, now.AddDays(-1));

        // At the food bank, not yet acknowledged.
        var josetteFood = File(josette, NeedCategory.Food, ReferralUrgency.Soon, "Fin de mois difficile, demande un colis.", true, agent, now.AddHours(-20));
        Route(josetteFood, FoodBank, orientator, now.AddHours(-18), ReferralEventKind.RouteConfirmed);

        // At the food bank, being handled; the person did not agree to share the details.
        var andreFood = File(andre, NeedCategory.Food, ReferralUrgency.Normal, "Hésite à demander de l’aide ; préfère être rappelé par la mairie.", false, agent, now.AddDays(-4));
        Route(andreFood, FoodBank, orientator, now.AddDays(-4).AddHours(2), ReferralEventKind.RouteConfirmed);
        andreFood.Acknowledge(partner, now.AddDays(-3));
        db.Add(ReferralEvent.Record(andreFood, ReferralEventKind.Acknowledged, partner, now.AddDays(-3)));
        andreFood.StartWork(partner);
        db.Add(ReferralEvent.Record(andreFood, ReferralEventKind.InProgress, partner, now.AddDays(-2), "Rendez-vous proposé par l’intermédiaire de l’orientatrice."));

        // Closed by the intergenerational association.
        var simoneVisit = File(simone, NeedCategory.Isolation, ReferralUrgency.Soon, "Aimerait une visite régulière.", true, agent, now.AddDays(-12));
        Route(simoneVisit, Generations, orientator, now.AddDays(-12).AddHours(3), ReferralEventKind.RouteConfirmed);
        simoneVisit.Acknowledge(partner, now.AddDays(-11));
        db.Add(ReferralEvent.Record(simoneVisit, ReferralEventKind.Acknowledged, partner, now.AddDays(-11)));
        simoneVisit.Close(ReferralOutcome.HelpProvided, partner, now.AddDays(-8));
        db.Add(ReferralEvent.Record(simoneVisit, ReferralEventKind.Closed, partner, now.AddDays(-8), "Une bénévole passe le jeudi après-midi."));

        // Urgent, at the CCAS, never acknowledged: late, escalated.
        var marcelMoney = File(marcel, NeedCategory.Money, ReferralUrgency.Urgent, "Facture d’électricité impayée, coupure annoncée.", true, agent, now.AddDays(-2));
        Route(marcelMoney, Ccas, orientator, now.AddDays(-2).AddHours(1), ReferralEventKind.RouteConfirmed);

        await db.SaveChangesAsync(ct);
        await records.EscalateOverdueAsync(now, ct);
    }

    private Referral File(Guid registrantId, NeedCategory category, ReferralUrgency urgency, string details, bool share, string agent, DateTime at)
    {
        var (subject, neighbourhood) = _people[registrantId];
        var referral = Referral.File(new ReferralFiling(registrantId, null, null, category, urgency, details, share), subject, neighbourhood, agent, at, deadlines);
        db.Add(referral);
        db.Add(ReferralEvent.Record(referral, ReferralEventKind.Filed, agent, at));
        return referral;
    }

    private void Route(Referral referral, Guid service, string orientator, DateTime at, ReferralEventKind kind)
    {
        referral.Assign(service, orientator, at);
        db.Add(ReferralEvent.Record(referral, kind, orientator, at));
    }

    private readonly Dictionary<Guid, (Guid Subject, Guid? Neighbourhood)> _people = [];

    private async Task<Guid> PersonAsync(
        string first, string last, DateOnly birth, string address, Guid neighbourhood, string phone, string agent, DateTime now, CancellationToken ct)
    {
        var subject = await consents.NewSubjectAsync(ct);
        foreach (var purpose in new[] { "heatwave-register", ReferralDesk.Purpose })
        {
            await consents.RecordThroughAgentAsync(subject, purpose, given: true, ConsentChannel.Phone, agent, null, ct);
        }

        var details = new RegistrantDetails(first, last, birth, address, neighbourhood, phone, null, null, EligibilityGround.Age65Plus);
        var registrant = Registrant.Register(subject, details, RegisteredBy.Self, agent, now);
        db.Add(registrant);
        _people[registrant.Id] = (subject, neighbourhood);
        return registrant.Id;
    }

    private async Task<string> UserIdAsync(string email, CancellationToken ct) =>
        await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);
}
