using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>
/// A dozen realistic needs of Valbrune with half-day slots next week: most published, one waiting for moderation,
/// one partner draft; the demo partner account posts for the Tanneurs' solidarity grocery.
/// </summary>
internal static class MissionsDemo
{
    private const string PartnerOrganisation = "Épicerie solidaire des Tanneurs";

    private sealed record Need(
        string Title, string Description, string Organisation, int Neighbourhood, string Place, string[] Skills, string[] Languages,
        MissionPriority Priority, MissionStatus Status, (int Day, SlotPeriod Period, int Needed)[] Slots);

    private static readonly Need[] Needs =
    [
        new("Distribution de colis alimentaires", "Préparer et remettre les colis aux familles inscrites, accueillir et orienter.", PartnerOrganisation, 1,
            "Épicerie solidaire, 14 rue des Tanneurs", ["Distribution alimentaire"], [], MissionPriority.Essential, MissionStatus.Published,
            [(0, SlotPeriod.Afternoon, 4), (2, SlotPeriod.Afternoon, 4), (4, SlotPeriod.Morning, 3)]),
        new("Portage de repas aux aînés isolés", "Livrer les repas préparés par la cuisine centrale et prendre des nouvelles.", "Solidarités et seniors", 0,
            "Cuisine centrale, place de l'Hôtel-de-Ville", ["Conduite de véhicule (permis B)"], [], MissionPriority.Essential, MissionStatus.Published,
            [(0, SlotPeriod.Morning, 3), (1, SlotPeriod.Morning, 3), (2, SlotPeriod.Morning, 3), (3, SlotPeriod.Morning, 3), (4, SlotPeriod.Morning, 3)]),
        new("Appels de convivialité", "Appeler des personnes âgées isolées inscrites au registre, depuis le CCAS.", "Centre communal d'action sociale de Valbrune", 0,
            "CCAS, 2 rue de la Mairie", ["Visite aux personnes isolées"], ["fr"], MissionPriority.Important, MissionStatus.Published,
            [(1, SlotPeriod.Afternoon, 2), (3, SlotPeriod.Afternoon, 2)]),
        new("Atelier cuisine pour deux familles hébergées", "Cuisiner avec deux familles hébergées en urgence, dans la cuisine partagée.", "Accueil des exilés", 4,
            "Maison de quartier des Coteaux", ["Cuisine collective"], ["ar"], MissionPriority.Normal, MissionStatus.Published,
            [(2, SlotPeriod.Afternoon, 2)]),
        new("Interprète tamoul pour une permanence sociale", "Accompagner une famille lors d'un rendez-vous avec une assistante sociale.", "Maison des langues", 6,
            "Maison des solidarités Saint-Éloi", [], ["ta", "fr"], MissionPriority.Important, MissionStatus.Published,
            [(3, SlotPeriod.Morning, 1)]),
        new("Aide aux devoirs", "Soutien scolaire d'élèves de primaire, en petits groupes.", "Aide aux devoirs Saint-Éloi", 6,
            "École Jules-Ferry, salle polyvalente", ["Aide aux devoirs"], [], MissionPriority.Normal, MissionStatus.Published,
            [(0, SlotPeriod.Afternoon, 3), (1, SlotPeriod.Afternoon, 3), (3, SlotPeriod.Afternoon, 3)]),
        new("Premiers secours au marché de Noël", "Tenir le poste de secours avec la protection civile.", "Protection civile locale", 0,
            "Place du Marché", ["Premiers secours (PSC1)"], [], MissionPriority.Important, MissionStatus.Published,
            [(5, SlotPeriod.Morning, 2), (5, SlotPeriod.Afternoon, 2)]),
        new("Aide numérique : démarches en ligne", "Aider des habitants à faire leurs démarches en ligne à la médiathèque.", "Culture et bibliothèques", 2,
            "Médiathèque de Bellevue", ["Médiation numérique"], [], MissionPriority.Normal, MissionStatus.Published,
            [(1, SlotPeriod.Morning, 2), (4, SlotPeriod.Afternoon, 2)]),
        new("Nettoyage des berges après la crue", "Ramasser les déchets laissés par la crue, avec les services de la propreté urbaine.", "Propreté urbaine", 3,
            "Quai du Port, près de la capitainerie", ["Manutention"], [], MissionPriority.Essential, MissionStatus.Published,
            [(2, SlotPeriod.Morning, 6), (3, SlotPeriod.Morning, 6)]),
        new("Courses pour une personne sans internet", "Faire les courses d'une habitante qui a appelé l'accueil de la mairie, et les lui porter.", LocalGovernment, 5,
            "Accueil de la mairie annexe de la Roseraie", ["Conduite de véhicule (permis B)"], [], MissionPriority.Important, MissionStatus.Published,
            [(1, SlotPeriod.Afternoon, 1)]),
        new("Tri des dons de vêtements", "Trier les dons de vêtements chauds avant la distribution.", "Secours populaire de quartier", 7,
            "Local associatif des Quatre-Vents", ["Manutention"], [], MissionPriority.Normal, MissionStatus.Submitted,
            [(4, SlotPeriod.Afternoon, 3)]),
        new("Accueil à l'épicerie le samedi", "Accueillir les bénéficiaires le samedi matin.", PartnerOrganisation, 1,
            "Épicerie solidaire, 14 rue des Tanneurs", ["Visite aux personnes isolées"], [], MissionPriority.Normal, MissionStatus.Draft,
            [(5, SlotPeriod.Morning, 2)]),
    ];

    private const string LocalGovernment = DemoTerritory.LocalGovernmentName;

    public static async Task SeedAsync(ReflexesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Missions.AnyAsync(ct))
        {
            return;
        }

        var partnerEmail = DemoTerritory.Accounts.First(a => a.Role == Access.Domain.Roles.Partner).Email;
        var coordinatorEmail = DemoTerritory.Accounts.First(a => a.Role == Access.Domain.Roles.Coordinator).Email;
        var partner = await db.Users.Where(u => u.Email == partnerEmail).Select(u => u.Id).SingleAsync(ct);
        var coordinator = await db.Users.Where(u => u.Email == coordinatorEmail).Select(u => u.Id).SingleAsync(ct);
        db.MissionPosters.Add(MissionPoster.Link(partner, DemoTerritory.IdFor("organisation", PartnerOrganisation)));

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var untilMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var nextMonday = today.AddDays(untilMonday == 0 ? 7 : untilMonday);
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        for (var i = 0; i < Needs.Length; i++)
        {
            var need = Needs[i];
            var neighbourhood = neighbourhoods.Single(n => n.Id == DemoTerritory.IdFor("neighbourhood", NeighbourhoodCodes[need.Neighbourhood]));
            var centre = MissionDesk.Centre(neighbourhood) ?? (45.71, 4.85);
            // Spread the places a little around the neighbourhood's centre (a few hundred metres).
            var lat = Math.Round(centre.Lat + (((i % 3) - 1) * 0.003), 5);
            var lon = Math.Round(centre.Lon + (((i % 4) - 1.5) * 0.003), 5);
            var draft = new MissionDraft(need.Title, need.Description, organisations[need.Organisation],
                need.Title.StartsWith("Courses", StringComparison.Ordinal) ? MissionSource.ResidentByPhone : MissionSource.Organisation,
                neighbourhood.Id, need.Place, lat, lon, [.. need.Skills.Select(SkillId)], need.Languages, need.Priority,
                [.. need.Slots.Select(s => new SlotDraft(nextMonday.AddDays(s.Day), s.Period, s.Needed))]);
            var mission = Mission.Post(draft, need.Organisation == PartnerOrganisation ? partner : coordinator, now);
            if (need.Status != MissionStatus.Draft)
            {
                mission.Submit(now);
            }

            if (need.Status == MissionStatus.Published)
            {
                mission.Publish(coordinator, now);
            }

            db.Missions.Add(mission);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo skill list (seeded by the people side) derives its ids from the names, as every demo id.</summary>
    private static string SkillId(string name) => DemoTerritory.IdFor("skill", name).ToString();

    private static readonly string[] NeighbourhoodCodes =
    [
        "CENTRE-VILLE", "LES-TANNEURS", "BELLEVUE", "LE-PORT", "LES-COTEAUX", "LA-ROSERAIE", "SAINT-ELOI", "LES-QUATRE-VENTS",
    ];
}
