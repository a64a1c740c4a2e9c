namespace Reflexes.Sortition;

public enum SelectionAlgorithm
{
    /// <summary>Maximise the smallest selection probability, then the next smallest, and so on (exact).</summary>
    Leximin,

    /// <summary>Maximise the smallest selection probability only (exact); the rest of the lottery is whatever the solver found.</summary>
    Maximin,

    /// <summary>The greedy procedure used before 2021; probabilities are estimated from repeated seeded draws.</summary>
    Legacy,
}
