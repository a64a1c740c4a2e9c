namespace Reflexes.Sortition;

/// <summary>A quota changed by the smallest relaxation that makes a panel possible.</summary>
public sealed record QuotaRelaxation(string Category, string Value, int Min, int Max, int NewMin, int NewMax)
{
    public override string ToString() =>
        NewMin < Min
            ? $"lower the minimum of {Category}={Value} from {Min} to {NewMin}"
            : $"raise the maximum of {Category}={Value} from {Max} to {NewMax}";
}
