using System.Security.Claims;
using System.Text;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// What the demo shows of online registration and imports: two requests made online by a neighbour and a
/// daughter, waiting for the confirmation call, and the social services' list staged with one likely
/// duplicate to review.
/// </summary>
public sealed class RegistryDemo(RegistryDesk desk, RegistryImporter importer)
{
    private const string SocialServicesList =
        "first_name;last_name;birth_date;address;phone;ground;other_phone;alert_contact\n" +
        "Germaine;Coulon;03/02/1936;14 rue du Moulin;04 78 31 20 10;65+;;Martine Coulon, fille, 06 21 43 65 87\n" +
        "Roger;Batailler;1941-11-19;2 impasse des Tilleuls;04 78 31 44 55;60+ inapte;;\n" +
        "Germaine;COULON;03/02/1936;14, r. du Moulin;+33 4 78 31 20 10;65+;;\n" +
        "Fatima;Belkacem;1958-06-07;31 avenue de la Gare;04 78 31 66 77;handicap;06 55 44 33 22;\n";

    public async Task SeedAsync(string coordinatorUserId, CancellationToken ct)
    {
        var visitor = new ClaimsPrincipal(new ClaimsIdentity());
        await desk.RequestForSomeoneAsync(
            new RegistrantDetails("Marcelle", "Vigier", new DateOnly(1937, 4, 22), "9 rue des Jardins", null, "04 78 31 52 63", null, "Sylvie Vigier, fille, 06 12 98 76 54", EligibilityGround.Age65Plus),
            RegisteredBy.Relative, "Sylvie Vigier, sa fille — 06 12 98 76 54", [RegistryDesk.Purpose, "outreach-calls"], visitor, ct);
        await desk.RequestForSomeoneAsync(
            new RegistrantDetails("Antoine", "Mazet", new DateOnly(1944, 9, 3), "5 place de l’Église", null, "04 78 31 75 86", null, null, EligibilityGround.Age65Plus),
            RegisteredBy.Neighbour, "Julien Ferrer, voisin du dessus", [RegistryDesk.Purpose], visitor, ct);

        var coordinator = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, coordinatorUserId)], "demo"));
        await importer.StageAsync(Encoding.UTF8.GetBytes(SocialServicesList), "ccas-2025.csv",
            new RegistryImporter.Tags(RegistryDesk.Purpose, new DateOnly(2025, 5, 15), ConsentChannel.PaperForm, "CCAS, fichier papier 2025"), coordinator, ct);
    }
}
