using System.Globalization;

namespace Reflexes.Audit;

/// <summary>
/// Recomputes the log from its stored entries and checks it against the published signed tree heads.
/// Entries are checked one by one first (content against recorded leaf hash, position against sequence
/// number), which names precisely an entry edited, removed, added or moved by hand. Someone who also
/// recomputes the leaf hashes is caught by the signed heads, which then bound where the change lies.
/// </summary>
public sealed class AuditLogVerifier(IReadOnlyCollection<TreeHeadPublicKey> trustedKeys, string? expectedOrigin = null)
{
    public AuditLogVerifier(TreeHeadPublicKey publicKey, string? expectedOrigin = null)
        : this([publicKey], expectedOrigin)
    {
    }

    public AuditVerificationReport Verify(IReadOnlyList<StoredAuditEntry> entries, IReadOnlyList<SignedTreeHead> treeHeads)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(treeHeads);
        var problems = new List<AuditProblem>();

        var firstBad = FirstInconsistentPosition(entries);
        if (firstBad is { } position)
        {
            problems.Add(Diagnose(entries, position, treeHeads.Count == 0 ? 0 : treeHeads.Max(h => h.Head.Size)));
        }

        var tree = new MerkleTree(entries.Select(e => e.RecordedLeafHash.Length == MerkleHash.Size ? e.RecordedLeafHash : new byte[MerkleHash.Size]));
        CheckTreeHeads(tree, treeHeads, problems);

        var signedSize = treeHeads.Count == 0 ? 0 : treeHeads.Max(h => h.Head.Size);
        return new AuditVerificationReport(entries.Count, treeHeads.Count, signedSize, problems);
    }

    private static long? FirstInconsistentPosition(IReadOnlyList<StoredAuditEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Record.Sequence != i || !IsWrittenAs(entries[i], i))
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsWrittenAs(StoredAuditEntry entry, long sequence) =>
        (entry.Record.Sequence == sequence ? entry.Record : entry.Record with { Sequence = sequence })
            .LeafHash().AsSpan().SequenceEqual(entry.RecordedLeafHash);

    // The sequence number the entry's content was written with, if its recorded hash matches any.
    private static long? WrittenAs(StoredAuditEntry entry, long around, long limit)
    {
        if (IsWrittenAs(entry, entry.Record.Sequence))
        {
            return entry.Record.Sequence;
        }

        for (var distance = 0L; distance <= limit; distance++)
        {
            if (around - distance >= 0 && IsWrittenAs(entry, around - distance))
            {
                return around - distance;
            }

            if (distance > 0 && around + distance <= limit && IsWrittenAs(entry, around + distance))
            {
                return around + distance;
            }
        }

        return null;
    }

    private static AuditProblem Diagnose(IReadOnlyList<StoredAuditEntry> entries, long position, long signedSize)
    {
        var entry = entries[(int)position];
        var limit = Math.Max(entries.Count, signedSize) + 1;
        var writtenAs = WrittenAs(entry, position, limit);
        var stored = entry.Record.Sequence;

        if (writtenAs is null)
        {
            if (position + 1 < entries.Count && IsWrittenAs(entries[(int)position + 1], position))
            {
                return new(AuditProblemKind.Inserted, position, Text(
                    $"Entry {position} was inserted: it was never appended to the log, and the entry that was {position} now follows it."));
            }

            return new(AuditProblemKind.Altered, position, Text(
                $"Entry {position} was altered: its content no longer matches the leaf hash recorded when it was appended."));
        }

        var original = writtenAs.Value;
        if (original == position)
        {
            return new(AuditProblemKind.Altered, position, Text(
                $"Entry {position} was altered: its sequence number was changed to {stored}."));
        }

        if (original < position)
        {
            // Positions original..position-1 hold entries that were slipped in before the one written as `original`.
            return new(AuditProblemKind.Inserted, original, Text(
                $"Entry {original} was inserted: the entry appended as {original} now sits at position {position}."));
        }

        for (var later = position + 1; later < entries.Count; later++)
        {
            if (IsWrittenAs(entries[(int)later], position))
            {
                return new(AuditProblemKind.Reordered, position, Text(
                    $"Entry {position} was reordered: the entry appended as {position} now sits at position {later}, and position {position} holds the entry appended as {original}."));
            }
        }

        return original == position + 1
            ? new(AuditProblemKind.Deleted, position, Text($"Entry {position} was deleted: the log goes from entry {position - 1} to the entry appended as {original}."))
            : new(AuditProblemKind.Deleted, position, Text($"Entries {position} to {original - 1} were deleted: the log goes from entry {position - 1} to the entry appended as {original}."));
    }

    private void CheckTreeHeads(MerkleTree tree, IReadOnlyList<SignedTreeHead> treeHeads, List<AuditProblem> problems)
    {
        SignedTreeHead? previous = null;
        var lastMatchingSize = 0L;
        foreach (var signed in treeHeads.OrderBy(h => h.Head.Timestamp).ThenBy(h => h.Head.Size))
        {
            var head = signed.Head;
            var name = Text($"The tree head of size {head.Size} signed at {head.Timestamp:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}");
            if (!trustedKeys.Any(k => k.Verifies(signed)))
            {
                problems.Add(new(AuditProblemKind.BadSignature, null, $"{name} has a signature that does not verify with the platform's public key ({string.Join(", ", trustedKeys.Select(k => k.Fingerprint))})."));
                continue;
            }

            if (expectedOrigin is not null && head.Origin != expectedOrigin)
            {
                problems.Add(new(AuditProblemKind.WrongOrigin, null, $"{name} belongs to the log \"{head.Origin}\", not \"{expectedOrigin}\"."));
                continue;
            }

            if (head.Size > tree.Size)
            {
                problems.Add(new(AuditProblemKind.Deleted, tree.Size, head.Size == tree.Size + 1
                    ? Text($"Entry {tree.Size} was deleted: {name} covers it but the log stops at {tree.Size - 1}.")
                    : Text($"Entries {tree.Size} to {head.Size - 1} were deleted: {name} covers them but the log holds {tree.Size} entries.")));
            }
            else if (!tree.Root(head.Size).AsSpan().SequenceEqual(head.Root))
            {
                problems.Add(new(AuditProblemKind.Rewritten, lastMatchingSize, Text(
                    $"{name} no longer matches the stored entries: an entry from {lastMatchingSize} to {head.Size - 1} was altered, deleted, inserted or reordered, and its leaf hash recomputed.")));
            }
            else
            {
                lastMatchingSize = Math.Max(lastMatchingSize, head.Size);
            }

            if (previous is not null)
            {
                CheckConsistency(tree, previous.Head, head, name, problems);
            }

            previous = signed;
        }
    }

    private static void CheckConsistency(MerkleTree tree, TreeHead earlier, TreeHead later, string name, List<AuditProblem> problems)
    {
        if (later.Size < earlier.Size)
        {
            problems.Add(new(AuditProblemKind.Inconsistent, later.Size, Text(
                $"{name} is smaller than the head of size {earlier.Size} signed before it: the log was cut back.")));
            return;
        }

        if (earlier.Size == 0 || later.Size > tree.Size)
        {
            // Every tree extends the empty one; a head beyond the stored log is already reported.
            return;
        }

        var proof = tree.ConsistencyProof(earlier.Size, later.Size);
        var check = MerkleProof.VerifyConsistency((ulong)earlier.Size, (ulong)later.Size, earlier.Root, later.Root, proof);
        if (!check.IsValid)
        {
            problems.Add(new(AuditProblemKind.Inconsistent, earlier.Size, Text(
                $"{name} is not consistent with the head of size {earlier.Size} before it ({check.Failure})")));
        }
    }

    private static string Text(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
