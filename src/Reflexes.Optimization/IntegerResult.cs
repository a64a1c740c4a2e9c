namespace Reflexes.Optimization;

/// <summary>The best integer solution found: values of all variables (integer ones exactly rounded) and its objective.</summary>
public sealed record IntegerResult(LpStatus Status, double Objective, IReadOnlyList<double> Values, int Nodes);
