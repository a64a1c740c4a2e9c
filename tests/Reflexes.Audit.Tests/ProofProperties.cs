using System.Security.Cryptography;
using FsCheck;
using FsCheck.Xunit;

namespace Reflexes.Audit.Tests;

public sealed class ProofProperties
{
    private const int MaxSize = 300;

    [Property(MaxTest = 300)]
    public bool Inclusion_proofs_generated_for_any_tree_verify(PositiveInt sizeSeed, NonNegativeInt indexSeed, int leafSeed)
    {
        var size = (sizeSeed.Get % MaxSize) + 1;
        var index = indexSeed.Get % size;
        var tree = RandomTree(size, leafSeed);
        var proof = tree.InclusionProof(index, size);
        return MerkleProof.VerifyInclusion((ulong)index, (ulong)size, tree.LeafHash(index), proof, tree.Root(size)).IsValid;
    }

    [Property(MaxTest = 300)]
    public bool Consistency_proofs_generated_for_any_two_sizes_verify(PositiveInt size2Seed, NonNegativeInt size1Seed, int leafSeed)
    {
        var size2 = (size2Seed.Get % MaxSize) + 1;
        var size1 = (size1Seed.Get % size2) + 1;
        var tree = RandomTree(size2, leafSeed);
        var proof = tree.ConsistencyProof(size1, size2);
        return MerkleProof.VerifyConsistency((ulong)size1, (ulong)size2, tree.Root(size1), tree.Root(size2), proof).IsValid;
    }

    [Property(MaxTest = 300)]
    public bool Flipping_any_single_bit_of_an_inclusion_proof_its_leaf_or_its_root_breaks_it(
        PositiveInt sizeSeed, NonNegativeInt indexSeed, int leafSeed, NonNegativeInt bitSeed)
    {
        var size = (sizeSeed.Get % MaxSize) + 1;
        var index = indexSeed.Get % size;
        var tree = RandomTree(size, leafSeed);
        var proof = tree.InclusionProof(index, size).Select(p => (byte[])p.Clone()).ToArray();
        var leaf = tree.LeafHash(index);
        var root = tree.Root(size);

        // Every bit of proof ‖ leaf ‖ root is a candidate.
        var parts = proof.Append(leaf).Append(root).ToArray();
        var bit = bitSeed.Get % (parts.Length * MerkleHash.Size * 8);
        var part = parts[bit / (MerkleHash.Size * 8)];
        part[bit % (MerkleHash.Size * 8) / 8] ^= (byte)(1 << (bit % 8));

        return !MerkleProof.VerifyInclusion((ulong)index, (ulong)size, leaf, proof, root).IsValid;
    }

    [Property(MaxTest = 300)]
    public bool Flipping_any_single_bit_of_a_consistency_proof_or_its_roots_breaks_it(
        PositiveInt size2Seed, NonNegativeInt size1Seed, int leafSeed, NonNegativeInt bitSeed)
    {
        var size2 = (size2Seed.Get % MaxSize) + 2;
        var size1 = (size1Seed.Get % (size2 - 1)) + 1; // strictly smaller, so the proof is not empty
        var tree = RandomTree(size2, leafSeed);
        var proof = tree.ConsistencyProof(size1, size2).Select(p => (byte[])p.Clone()).ToArray();
        var root1 = tree.Root(size1);
        var root2 = tree.Root(size2);

        var parts = proof.Append(root1).Append(root2).ToArray();
        var bit = bitSeed.Get % (parts.Length * MerkleHash.Size * 8);
        parts[bit / (MerkleHash.Size * 8)][bit % (MerkleHash.Size * 8) / 8] ^= (byte)(1 << (bit % 8));

        return !MerkleProof.VerifyConsistency((ulong)size1, (ulong)size2, root1, root2, proof).IsValid;
    }

    [Property(MaxTest = 200)]
    public bool An_inclusion_proof_does_not_verify_for_another_index(PositiveInt sizeSeed, NonNegativeInt indexSeed, int leafSeed)
    {
        var size = (sizeSeed.Get % MaxSize) + 2;
        var index = indexSeed.Get % size;
        var tree = RandomTree(size, leafSeed);
        var proof = tree.InclusionProof(index, size);
        var otherIndex = (index + 1) % size;
        return !MerkleProof.VerifyInclusion((ulong)otherIndex, (ulong)size, tree.LeafHash(index), proof, tree.Root(size)).IsValid;
    }

    [Property(MaxTest = 100)]
    public bool The_root_of_an_earlier_size_equals_the_root_of_a_tree_built_from_that_prefix(PositiveInt sizeSeed, NonNegativeInt prefixSeed, int leafSeed)
    {
        var size = (sizeSeed.Get % MaxSize) + 1;
        var prefix = prefixSeed.Get % (size + 1);
        var tree = RandomTree(size, leafSeed);
        var rebuilt = new MerkleTree(Enumerable.Range(0, prefix).Select(i => tree.LeafHash(i)));
        return tree.Root(prefix).AsSpan().SequenceEqual(rebuilt.Root()) && rebuilt.Root().AsSpan().SequenceEqual(NaiveRoot(rebuilt, 0, prefix));
    }

    internal static MerkleTree RandomTree(int size, int seed) =>
        new(Enumerable.Range(0, size).Select(i => MerkleHash.Leaf(SHA256.HashData(BitConverter.GetBytes(((long)seed << 32) | (uint)i)))));

    // The recursive definition of RFC 6962 §2.1, independent of the tree's cached levels.
    private static byte[] NaiveRoot(MerkleTree tree, long start, long n)
    {
        if (n == 0)
        {
            return SHA256.HashData([]);
        }

        if (n == 1)
        {
            return tree.LeafHash(start);
        }

        var k = 1L;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return MerkleHash.Node(NaiveRoot(tree, start, k), NaiveRoot(tree, start + k, n - k));
    }
}
