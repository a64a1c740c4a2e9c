namespace Reflexes.Matching.Flow;

/// <summary>One residual arc, its fields side by side so that a scan touches one cache line per four arcs.</summary>
internal struct ResidualArc
{
    public int Head;
    public int Residual;
    public long Cost;
}
