using Reflexes.Matching.Model;

namespace Reflexes.Matching.Reading;

/// <summary>An assignment read from a file, with where it was written so that problems can point at it.</summary>
public sealed record ListedPair(Pair Pair, int Index, int Line, int Column);
