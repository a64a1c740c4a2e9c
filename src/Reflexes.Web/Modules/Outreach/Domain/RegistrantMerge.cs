using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// The history of a merge decided by an agent: which record each field of the registration now comes
/// from, the values that were set aside, and where the absorbed record came from. The consents of both
/// records stay in the data trust under the registration's subject.
/// </summary>
public sealed class RegistrantMerge : IResidentData
{
    private RegistrantMerge()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid RegistrantId { get; private set; }

    /// <summary>The record kept, in words (e.g. "registered on 2026-06-02" or "Import « CCAS 2025 », line 3").</summary>
    public string Kept { get; private set; } = "";

    /// <summary>The absorbed record, in words (e.g. "Import « CCAS 2025 », ligne 7").</summary>
    public string Absorbed { get; private set; } = "";

    /// <summary>One line per field: "Field=source", the source being "kept" or "absorbed".</summary>
    public string FieldSources { get; private set; } = "";

    /// <summary>One line per field whose value was set aside: "Field=value".</summary>
    public string SetAside { get; private set; } = "";

    public DateTime MergedAtUtc { get; private set; }

    public string MergedByUserId { get; private set; } = "";

    public IReadOnlyList<(string Field, string Value)> FieldSourceList => Lines(FieldSources);

    public IReadOnlyList<(string Field, string Value)> SetAsideList => Lines(SetAside);

    public static RegistrantMerge Record(
        Registrant survivor, string kept, string absorbed, IReadOnlyDictionary<string, string> fieldSources, IReadOnlyDictionary<string, string> setAside, string agentUserId, DateTime nowUtc) =>
        new()
        {
            Id = Guid.NewGuid(),
            SubjectId = survivor.SubjectId,
            RegistrantId = survivor.Id,
            Kept = kept.Length > 300 ? kept[..300] : kept,
            Absorbed = absorbed.Length > 300 ? absorbed[..300] : absorbed,
            FieldSources = string.Join('\n', fieldSources.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)),
            SetAside = string.Join('\n', setAside.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value.ReplaceLineEndings(" "))),
            MergedAtUtc = nowUtc,
            MergedByUserId = agentUserId,
        };

    private static List<(string, string)> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : ""))];
}
