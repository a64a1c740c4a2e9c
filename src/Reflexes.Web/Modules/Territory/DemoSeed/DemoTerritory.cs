using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Territory.DemoSeed;

/// <summary>
/// Valbrune, a fictional city of about 100,000 residents: 8 neighbourhoods with outlines,
/// 12 municipal services, 20 partner associations, a staff directory and one demo account per
/// role. Everything is derived from fixed names, so two runs produce the same ids and data.
/// </summary>
public sealed class DemoTerritory(ReflexesDbContext db, UserAdministration administration, UserManager<ReflexesUser> users, TimeProvider clock)
{
    /// <summary>The password of every demo account (printed in the README; refused in Production).</summary>
    public const string DemoPassword = "Valbrune-demo-2026";

    public const string DemoClaim = "reflexes:demo-account";

    public const string LocalGovernmentName = "Ville de Valbrune";

    public static readonly IReadOnlyList<(string Role, string Email, string Name)> Accounts =
    [
        (Roles.Administrator, "admin@valbrune.example", "Alice Administratrice"),
        (Roles.Coordinator, "coordination@valbrune.example", "Camille Coordinatrice"),
        (Roles.Agent, "agent@valbrune.example", "Antoine Agent"),
        (Roles.Orientator, "orientation@valbrune.example", "Olivia Orientatrice"),
        (Roles.DataProtectionOfficer, "dpo@valbrune.example", "Denis Délégué"),
        (Roles.DecisionMaker, "elue@valbrune.example", "Élise Élue"),
        (Roles.Partner, "partenaire@valbrune.example", "Paul Partenaire"),
        (Roles.Resident, "habitante@valbrune.example", "Rose Résidente"),
    ];

    private static readonly string[] NeighbourhoodNames =
    [
        "Centre-Ville", "Les Tanneurs", "Bellevue", "Le Port", "Les Coteaux", "La Roseraie", "Saint-Éloi", "Les Quatre-Vents",
    ];

    private static readonly string[] ServiceNames =
    [
        "Direction générale des services", "Solidarités et seniors", "Petite enfance", "Éducation", "Sports",
        "Culture et bibliothèques", "Voirie", "Propreté urbaine", "Espaces verts", "Ressources humaines",
        "Systèmes d'information", "Démocratie participative",
    ];

    private static readonly string[] AssociationNames =
    [
        "Épicerie solidaire des Tanneurs", "Banque alimentaire du Valbrunois", "Les Amis du Port", "Voisins de Bellevue",
        "Coup de main aux aînés", "Aide aux devoirs Saint-Éloi", "Club de l'âge d'or", "Maison des langues",
        "Secours populaire de quartier", "Jardins partagés des Coteaux", "Vélo pour tous", "Repair café Valbrune",
        "Accueil des exilés", "Sport et handicap", "Culture en partage", "Lien intergénérations",
        "Femmes relais Roseraie", "Collectif logement digne", "Les Quatre-Vents solidaires", "Protection civile locale",
    ];

    private static readonly string[] FirstNames =
    [
        "Nadia", "Karim", "Sophie", "Julien", "Fatou", "Hugo", "Léa", "Mehdi", "Chloé", "Thomas", "Inès", "Lucas",
        "Manon", "Yanis", "Sarah", "Bruno", "Aïcha", "Pierre",
    ];

    private static readonly string[] LastNames =
    [
        "Bernard", "Diallo", "Petit", "Moreau", "Nguyen", "Lefebvre", "Garcia", "Roux", "Benali", "Fontaine", "Chevalier",
        "Lambert", "Mercier", "Faure", "Girard", "Blanc", "Haddad", "Rousseau",
    ];

    public static Guid IdFor(string kind, string name) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("reflexes-demo/" + kind + "/" + name)).AsSpan(0, 16));

    public async Task<bool> IsSeededAsync(CancellationToken ct) => await db.TerritoryProfiles.AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        await administration.EnsureRolesExistAsync(ct);
        if (await IsSeededAsync(ct))
        {
            return;
        }

        db.TerritoryProfiles.Add(TerritoryProfile.Create(
            "Valbrune", "99001", 101_350,
            "Ville fictive de démonstration : 8 quartiers, 12 services municipaux, 20 associations partenaires."));

        for (var i = 0; i < NeighbourhoodNames.Length; i++)
        {
            var name = NeighbourhoodNames[i];
            var code = Code(name);
            db.Neighbourhoods.Add(Neighbourhood.Create(code, name, Outline(i), IdFor("neighbourhood", code)));
        }

        var city = Organisation.Create(
            OrganisationKind.LocalGovernment, LocalGovernmentName, null, Siret(0), null, "contact@valbrune.example", IdFor("organisation", LocalGovernmentName));
        db.Organisations.Add(city);
        var services = ServiceNames.Select((name, i) => Organisation.Create(
            OrganisationKind.Service, name, city.Id, null, null, null, IdFor("organisation", name))).ToList();
        db.Organisations.AddRange(services);
        db.Organisations.AddRange(AssociationNames.Select((name, i) => Organisation.Create(
            OrganisationKind.Association, name, null, Siret(i + 1), Rna(i + 1), null, IdFor("organisation", name))));
        db.Organisations.Add(Organisation.Create(
            OrganisationKind.PublicBody, "Centre communal d'action sociale de Valbrune", null, Siret(50), null, null,
            IdFor("organisation", "ccas")));

        // Three agents per service: a head of service managing two colleagues.
        var random = new Random(2026);
        for (var s = 0; s < services.Count; s++)
        {
            Agent? head = null;
            for (var k = 0; k < 3; k++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var email = string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}.{Ascii(last)}.{s}{k}@valbrune.example");
                var agent = Agent.Create(first, last, email, k == 0 ? "Chef de service" : "Agent", services[s].Id, head?.Id, IdFor("agent", email));
                db.Agents.Add(agent);
                head ??= agent;
            }
        }

        await db.SaveChangesAsync(ct);

        foreach (var (role, email, name) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var (user, errors) = await administration.CreateAsync(email, name, DemoPassword, [role], ct);
            if (user is null)
            {
                throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", errors));
            }

            await users.AddClaimAsync(user, new Claim(DemoClaim, "true"));
        }

        await Reserve.Contracts.ReserveNeedsDemo.SeedAsync(db, clock, ct);
    }

    private static string Code(string name) =>
        Ascii(name).ToUpperInvariant().Replace(' ', '-').Replace('\'', '-');

    private static string Ascii(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .ToLowerInvariant();
    }

    /// <summary>A 4 × 2 grid of slightly irregular quadrilaterals around the fictional city centre.</summary>
    private static string Outline(int index)
    {
        const double west = 4.80, south = 45.70, width = 0.025, height = 0.02;
        var col = index % 4;
        var row = index / 4;
        double X(int c) => west + (c * width);
        double Y(int r) => south + (r * height);
        var points = new[]
        {
            (X(col), Y(row)), (X(col + 1), Y(row)), (X(col + 1), Y(row + 1)), (X(col), Y(row + 1)), (X(col), Y(row)),
        };
        var coordinates = string.Join(",", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Item1:0.0000},{p.Item2:0.0000}]")));
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + coordinates + "]]}";
    }

    /// <summary>A valid (Luhn) SIRET in a range no real establishment uses: SIREN 9990000xx, NIC 0001x.</summary>
    public static string Siret(int n)
    {
        var siren = LuhnComplete(string.Create(CultureInfo.InvariantCulture, $"99900{n:000}"));
        return LuhnComplete(siren + "0001");
    }

    private static string Rna(int n) => string.Create(CultureInfo.InvariantCulture, $"W99{n:0000000}");

    /// <summary>Appends the digit that makes the Luhn sum of the whole number a multiple of ten.</summary>
    private static string LuhnComplete(string digits)
    {
        for (var check = 0; check < 10; check++)
        {
            var candidate = digits + (char)('0' + check);
            var sum = 0;
            for (var i = 0; i < candidate.Length; i++)
            {
                var d = candidate[candidate.Length - 1 - i] - '0';
                if (i % 2 == 1)
                {
                    d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
                }

                sum += d;
            }

            if (sum % 10 == 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}
