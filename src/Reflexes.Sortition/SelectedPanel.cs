namespace Reflexes.Sortition;

/// <summary>A panel of the lottery: its probability and its members (indices into <see cref="Pool.People"/>, ascending).</summary>
public sealed record SelectedPanel(double Probability, IReadOnlyList<int> Members);
