using System.Security.Cryptography;

namespace Reflexes.Audit.Tests;

public sealed class AuditLogVerifierTests : IDisposable
{
    private const string Origin = "reflexes-test";
    private static DateTimeOffset Start => new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _key = TreeHeadSigner.CreateKey();
    private readonly TreeHeadSigner _signer;

    public AuditLogVerifierTests() => _signer = new TreeHeadSigner(_key);

    public void Dispose() => _key.Dispose();

    [Fact]
    public void An_untouched_log_is_intact()
    {
        var (entries, heads) = Log(20, 5, 12, 20);

        var report = Verify(entries, heads);

        report.IsIntact.ShouldBeTrue(string.Join("; ", report.Problems.Select(p => p.Message)));
        report.EntryCount.ShouldBe(20);
        report.TreeHeadCount.ShouldBe(3);
        report.UnsignedEntryCount.ShouldBe(0);
    }

    [Fact]
    public void Entries_after_the_last_head_are_counted_as_not_yet_signed()
    {
        var (entries, heads) = Log(20, 5, 12);

        var report = Verify(entries, heads);

        report.IsIntact.ShouldBeTrue();
        report.UnsignedEntryCount.ShouldBe(8);
    }

    [Fact]
    public void An_entry_whose_content_was_edited_is_named_as_altered()
    {
        var (entries, heads) = Log(20, 5, 12, 20);
        entries[7] = entries[7] with { Record = entries[7].Record with { Purpose = "marketing" } };

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Altered);
        problem.Position.ShouldBe(7);
    }

    [Fact]
    public void An_entry_whose_sequence_number_alone_was_changed_is_named_as_altered()
    {
        var (entries, heads) = Log(20, 20);
        entries[9] = entries[9] with { Record = entries[9].Record with { Sequence = 900 } };

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Altered);
        problem.Position.ShouldBe(9);
    }

    [Fact]
    public void A_removed_entry_is_named_as_deleted()
    {
        var (entries, heads) = Log(20, 5, 12, 20);
        entries.RemoveAt(6);

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Deleted);
        problem.Position.ShouldBe(6);
    }

    [Fact]
    public void A_removed_entry_is_named_as_deleted_even_when_the_following_ones_were_renumbered()
    {
        var (entries, heads) = Log(20, 20);
        entries.RemoveAt(6);
        for (var i = 6; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { Record = entries[i].Record with { Sequence = i } };
        }

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Deleted);
        problem.Position.ShouldBe(6);
    }

    [Fact]
    public void Removed_entries_at_the_end_of_a_signed_log_are_named_as_deleted()
    {
        var (entries, heads) = Log(20, 5, 20);
        entries.RemoveRange(17, 3);

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Deleted);
        problem.Position.ShouldBe(17);
    }

    [Fact]
    public void An_entry_slipped_in_with_a_correct_leaf_hash_is_named_as_inserted()
    {
        var (entries, heads) = Log(20, 20);
        var forged = Record(4) with { Actor = "intruder" };
        entries.Insert(4, new StoredAuditEntry(forged, forged.LeafHash()));
        for (var i = 5; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { Record = entries[i].Record with { Sequence = i } };
        }

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Inserted);
        problem.Position.ShouldBe(4);
    }

    [Fact]
    public void An_entry_slipped_in_with_a_made_up_leaf_hash_is_named_as_inserted()
    {
        var (entries, heads) = Log(20, 20);
        entries.Insert(4, new StoredAuditEntry(Record(4) with { Actor = "intruder" }, new byte[32]));
        for (var i = 5; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { Record = entries[i].Record with { Sequence = i } };
        }

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Inserted);
        problem.Position.ShouldBe(4);
    }

    [Fact]
    public void Two_entries_that_swapped_places_are_named_as_reordered()
    {
        var (entries, heads) = Log(20, 20);
        var (a, b) = (entries[3], entries[11]);
        entries[3] = b with { Record = b.Record with { Sequence = 3 } };
        entries[11] = a with { Record = a.Record with { Sequence = 11 } };

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Reordered);
        problem.Position.ShouldBe(3);
    }

    [Fact]
    public void An_entry_rewritten_with_its_leaf_hash_recomputed_is_caught_by_the_signed_head_covering_it()
    {
        var (entries, heads) = Log(20, 5, 12, 20);
        var rewritten = entries[8].Record with { Result = "refused" };
        entries[8] = new StoredAuditEntry(rewritten, rewritten.LeafHash());

        var report = Verify(entries, heads);

        var problem = report.FirstProblem!;
        problem.Kind.ShouldBe(AuditProblemKind.Rewritten);
        problem.Position.ShouldBe(5); // the change lies after the head of size 5, which still matches
        problem.Message.ShouldContain("from 5 to 11");
    }

    [Fact]
    public void A_head_with_a_forged_signature_is_reported()
    {
        var (entries, heads) = Log(20, 5, 20);
        var signature = (byte[])heads[1].Signature.Clone();
        signature[^1] ^= 1;
        heads[1] = heads[1] with { Signature = signature };

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.BadSignature);
    }

    [Fact]
    public void A_head_signed_by_another_key_is_reported()
    {
        var (entries, heads) = Log(20, 5, 20);
        using var otherKey = TreeHeadSigner.CreateKey();
        heads[1] = new TreeHeadSigner(otherKey).Sign(heads[1].Head);

        Verify(entries, heads).FirstProblem!.Kind.ShouldBe(AuditProblemKind.BadSignature);
    }

    [Fact]
    public void A_head_of_another_log_is_reported()
    {
        var (entries, heads) = Log(20, 5, 20);
        var tree = new MerkleTree(entries.Select(e => e.RecordedLeafHash));
        heads.Add(_signer.Sign(new TreeHead("elsewhere", 20, tree.Root(20), Start.AddHours(2))));

        Verify(entries, heads).FirstProblem!.Kind.ShouldBe(AuditProblemKind.WrongOrigin);
    }

    [Fact]
    public void A_later_head_smaller_than_an_earlier_one_is_reported_as_inconsistent()
    {
        var (entries, heads) = Log(20, 12);
        var tree = new MerkleTree(entries.Select(e => e.RecordedLeafHash));
        heads.Add(_signer.Sign(new TreeHead(Origin, 5, tree.Root(5), Start.AddHours(2))));

        var problem = Verify(entries, heads).FirstProblem!;

        problem.Kind.ShouldBe(AuditProblemKind.Inconsistent);
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public bool Any_single_bit_change_to_a_stored_leaf_hash_is_named_at_its_entry(FsCheck.NonNegativeInt positionSeed, FsCheck.NonNegativeInt bitSeed)
    {
        var (entries, heads) = Log(30, 10, 30);
        var position = positionSeed.Get % entries.Count;
        var hash = (byte[])entries[position].RecordedLeafHash.Clone();
        hash[bitSeed.Get % 256 / 8] ^= (byte)(1 << (bitSeed.Get % 8));
        entries[position] = entries[position] with { RecordedLeafHash = hash };

        var problem = Verify(entries, heads).FirstProblem;
        return problem is { Kind: AuditProblemKind.Altered } && problem.Position == position;
    }

    private AuditVerificationReport Verify(List<StoredAuditEntry> entries, List<SignedTreeHead> heads) =>
        new AuditLogVerifier(_signer.PublicKey, Origin).Verify(entries, heads);

    private static AuditRecord Record(long sequence) => new(
        sequence,
        Start.AddMinutes(sequence),
        $"agent-{sequence % 3}",
        sequence % 2 == 0 ? "resident.read" : "resident.list",
        "heat-wave-plan",
        $"resident/{sequence * 7}",
        "allowed");

    private (List<StoredAuditEntry> Entries, List<SignedTreeHead> Heads) Log(int count, params int[] headSizes)
    {
        var entries = Enumerable.Range(0, count).Select(i => Record(i)).Select(r => new StoredAuditEntry(r, r.LeafHash())).ToList();
        var tree = new MerkleTree(entries.Select(e => e.RecordedLeafHash));
        var heads = headSizes
            .Select((size, n) => _signer.Sign(new TreeHead(Origin, size, tree.Root(size), Start.AddHours(1).AddMinutes(n))))
            .ToList();
        return (entries, heads);
    }
}
