namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>
/// Implemented by every module that holds personal data about residents, so that a person's rights can
/// be honoured across the whole platform: it describes what it holds about a person (access and
/// portability), and erases what it may while saying what it must keep and why (erasure).
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>Localisation key of the module's name, e.g. "holder.account".</summary>
    string NameKey { get; }

    Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct);

    Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct);
}

/// <summary>A person as the data trust knows them: the data subject, and their account if they have one.</summary>
public sealed record SubjectRef(Guid SubjectId, string? UserId);

/// <summary>One thing held about a person: a category, a label, and its fields as text.</summary>
public sealed record HeldItem(string Category, string Label, IReadOnlyList<KeyValuePair<string, string?>> Fields);

/// <summary>What an erasure did in one module: how many items went, and what stays with its legal reason.</summary>
public sealed record ErasureOutcome(int Erased, IReadOnlyList<KeptItem> Kept);

/// <summary>Something that must be kept despite an erasure request, and the rule that says so.</summary>
public sealed record KeptItem(string What, string Why);
