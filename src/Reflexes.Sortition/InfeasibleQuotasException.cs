namespace Reflexes.Sortition;

/// <summary>No panel of the requested size meets every quota: what conflicts and the smallest relaxation that would work.</summary>
public sealed class InfeasibleQuotasException(IReadOnlyList<string> conflicts, IReadOnlyList<QuotaRelaxation> relaxations)
    : Exception(Describe(conflicts, relaxations))
{
    public IReadOnlyList<string> Conflicts { get; } = conflicts;

    public IReadOnlyList<QuotaRelaxation> Relaxations { get; } = relaxations;

    private static string Describe(IReadOnlyList<string> conflicts, IReadOnlyList<QuotaRelaxation> relaxations)
    {
        var lines = new List<string> { "No panel meets every quota." };
        lines.AddRange(conflicts.Select(c => "  - " + c));
        if (relaxations.Count > 0)
        {
            var total = relaxations.Sum(r => (r.Min - r.NewMin) + (r.NewMax - r.Max));
            lines.Add($"Smallest relaxation that makes a panel possible ({total} seat(s) of slack in all):");
            lines.AddRange(relaxations.Select(r => "  - " + r));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
