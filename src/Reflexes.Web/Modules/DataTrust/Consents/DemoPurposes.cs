using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Consents;

/// <summary>The demo territory's purpose register: what a French city typically declares.</summary>
public sealed class DemoPurposes(ReflexesDbContext db, TimeProvider clock)
{
    private const string Controller = "Ville de Valbrune, représentée par son maire";

    public static readonly IReadOnlyList<PurposeTerms> Register =
    [
        new("heatwave-register", "Registre canicule et grand froid",
            "Inscrire les personnes âgées, isolées ou handicapées qui le demandent, pour les appeler et leur porter secours pendant une canicule ou un grand froid.",
            LegalBasis.Consent, "Identité\nDate de naissance\nAdresse\nTéléphone\nPersonne à prévenir\nMotif d’inscription (âge, handicap)", 24,
            Controller, 24, SpecialCategories: true),
        new("outreach-calls", "Appels de prévenance aux personnes fragiles",
            "Appeler régulièrement les personnes inscrites pour prendre de leurs nouvelles et les orienter vers le service qui peut les aider.",
            LegalBasis.Consent, "Identité\nTéléphone\nRéponses aux appels\nBesoins signalés", 12, Controller, 12, SpecialCategories: true),
        new("civic-reserve-matching", "Réserve civique : proposer des missions",
            "Proposer aux bénévoles et aux agents volontaires des missions qui correspondent à leurs compétences, disponibilités et contraintes.",
            LegalBasis.Consent, "Identité\nCompétences et langues\nQuartier\nDisponibilités", 36, Controller, null, SpecialCategories: false),
        new("heatwave-register-confirmation", "Confirmer une inscription demandée par un proche",
            "Appeler une personne qu’un proche, un voisin ou un professionnel a inscrite en ligne au registre canicule, pour lui demander si elle accepte cette inscription ; sans accord, la demande est effacée.",
            LegalBasis.PublicTask, "Identité\nTéléphone\nAdresse\nQui a fait la demande", 3, Controller, null, SpecialCategories: false),
        new("referral-follow-up", "Suivi des orientations vers les services sociaux",
            "Transmettre un besoin signalé au service compétent et suivre sa prise en charge jusqu’à la clôture.",
            LegalBasis.PublicTask, "Identité\nTéléphone\nBesoin signalé\nSuivi de la demande", 24, Controller, null, SpecialCategories: true),
    ];

    public async Task SeedAsync(string dpoUserId, CancellationToken ct)
    {
        if (await db.ProcessingPurposes.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ProcessingPurposes.AddRange(Register.Select(t => ProcessingPurpose.Create(t, dpoUserId, now)));
        await db.SaveChangesAsync(ct);
    }
}
