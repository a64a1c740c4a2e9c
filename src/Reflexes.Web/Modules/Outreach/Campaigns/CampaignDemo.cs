using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Campaigns;

/// <summary>
/// The demo's outreach calls: a small register of fragile residents (when the register is empty), two
/// callers (the demo agent, experienced; the demo resident from the civic reserve, a beginner) and one
/// running weekly campaign with a script. The target list is built by <see cref="CampaignDesk"/>, through
/// PersonalDataAccess under the campaign's purpose, like any campaign.
/// </summary>
public sealed class CampaignDemo(ReflexesDbContext db, ConsentRecording consents, CampaignDesk campaigns, TimeProvider clock)
{
    public const string CampaignName = "Appels de prévenance — hiver 2026";

    private static readonly (string First, string Last, int BirthYear, string Address, string Phone, EligibilityGround Ground, bool CallsConsent)[] People =
    [
        ("Germaine", "Aubert", 1936, "4 rue des Lilas", "04 78 20 11 01", EligibilityGround.Age65Plus, true),
        ("Marcel", "Brunet", 1941, "17 avenue du Port", "04 78 20 11 02", EligibilityGround.Age65Plus, true),
        ("Yvette", "Carré", 1939, "2 impasse Bellevue", "04 78 20 11 03", EligibilityGround.Age65Plus, true),
        ("Ahmed", "Djebbar", 1945, "31 rue Saint-Éloi", "04 78 20 11 04", EligibilityGround.Age65Plus, true),
        ("Lucienne", "Escoffier", 1933, "8 place des Tanneurs", "04 78 20 11 05", EligibilityGround.Age65Plus, true),
        ("Henri", "Fabre", 1962, "12 chemin des Coteaux", "04 78 20 11 06", EligibilityGround.Age60UnfitForWork, true),
        ("Simone", "Guérin", 1978, "5 allée de la Roseraie", "04 78 20 11 07", EligibilityGround.Disability, true),
        ("Joseph", "Hamon", 1940, "22 boulevard des Quatre-Vents", "04 78 20 11 08", EligibilityGround.Age65Plus, true),
        ("Paulette", "Izard", 1937, "9 rue du Centre", "04 78 20 11 09", EligibilityGround.Age65Plus, true),
        ("Raymond", "Joly", 1944, "14 quai du Port", "04 78 20 11 10", EligibilityGround.Age65Plus, false),
    ];

    public static readonly CampaignScript Script = new(
        "Bonjour, je vous appelle de la part de la Ville de Valbrune. Vous êtes inscrit(e) au registre des personnes fragiles : j’appelle pour prendre de vos nouvelles. Avez-vous quelques minutes ?",
        [
            new("Comment vous sentez-vous en ce moment ?", ScriptAnswerKind.Choice, ["Bien", "Moyennement", "Mal"]),
            new("Avez-vous eu de la visite ou un appel d’un proche cette semaine ?", ScriptAnswerKind.YesNo, []),
            new("Combien de repas chauds avez-vous pris hier ?", ScriptAnswerKind.Number, []),
            new("Avez-vous besoin d’aide pour vos courses, vos médicaments ou une démarche ?", ScriptAnswerKind.Text, []),
        ],
        "Merci pour cet échange. Nous vous rappellerons la semaine prochaine. En cas d’urgence, composez le 15 ; la mairie répond au 04 78 00 00 00.");

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Campaigns.AnyAsync(ct))
        {
            return;
        }

        var agentId = await UserIdAsync(Roles.Agent, ct);
        var coordinatorId = await UserIdAsync(Roles.Coordinator, ct);
        var residentId = await UserIdAsync(Roles.Resident, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Other modules' demos register people too: look for this demo's own people, not for anyone.
        if (!await db.Registrants.AnyAsync(r => r.Phone == People[0].Phone, ct))
        {
            var neighbourhoods = await db.Neighbourhoods.OrderBy(n => n.Code).Select(n => n.Id).ToListAsync(ct);
            for (var i = 0; i < People.Length; i++)
            {
                var p = People[i];
                var subject = await consents.NewSubjectAsync(ct);
                await consents.RecordThroughAgentAsync(subject, "heatwave-register", given: true, ConsentChannel.Phone, agentId, null, ct);
                if (p.CallsConsent)
                {
                    await consents.RecordThroughAgentAsync(subject, CampaignDesk.DefaultPurpose, given: true, ConsentChannel.Phone, agentId, null, ct);
                }

                var details = new RegistrantDetails(p.First, p.Last, new DateOnly(p.BirthYear, 3 + i % 9, 10 + i), p.Address,
                    neighbourhoods.Count == 0 ? null : neighbourhoods[i % neighbourhoods.Count], p.Phone, null, null, p.Ground);
                db.Registrants.Add(Registrant.Register(subject, details, RegisteredBy.Self, agentId, now.AddDays(-3 * i)));
            }

            await db.SaveChangesAsync(ct);
        }

        db.Callers.Add(Caller.Enrol(agentId, CallerLevel.Experienced, CallerKind.Staff, coordinatorId, now));
        db.Callers.Add(Caller.Enrol(residentId, CallerLevel.Beginner, CallerKind.Reserve, coordinatorId, now));
        await db.SaveChangesAsync(ct);

        var lead = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, coordinatorId), new Claim(ClaimTypes.Role, Roles.Coordinator)], "demo-seed"));
        var campaign = await campaigns.CreateAsync(
            new CampaignSettings(CampaignName, CampaignDesk.DefaultPurpose, new CampaignTargeting(null, null, null, null, null), Script, new CampaignRules(4, 3, 7, 20)),
            coordinatorId, ct);
        await campaigns.MoveAsync(campaign.Id, CampaignStatus.Running, lead, ct);
    }

    private async Task<string> UserIdAsync(string role, CancellationToken ct)
    {
        var email = DemoTerritory.Accounts.First(a => a.Role == role).Email;
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);
    }
}
