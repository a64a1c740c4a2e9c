using System.Numerics;

namespace Reflexes.Audit;

/// <summary>
/// An append-only RFC 6962 Merkle tree over leaf hashes. It keeps the hash of every complete,
/// aligned subtree, so the root of any earlier size and the proofs cost O(log n) lookups and hashes.
/// </summary>
public sealed class MerkleTree
{
    // _levels[k][i] is the hash of leaves [i·2^k, (i+1)·2^k).
    private readonly List<List<byte[]>> _levels = [[]];

    public MerkleTree()
    {
    }

    public MerkleTree(IEnumerable<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        foreach (var leaf in leafHashes)
        {
            Append(leaf);
        }
    }

    /// <summary>The number of leaves.</summary>
    public long Size => _levels[0].Count;

    public void Append(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash has {MerkleHash.Size} bytes, not {leafHash.Length}.", nameof(leafHash));
        }

        _levels[0].Add((byte[])leafHash.Clone());
        for (var level = 0; _levels[level].Count % 2 == 0; level++)
        {
            if (_levels.Count == level + 1)
            {
                _levels.Add([]);
            }

            var nodes = _levels[level];
            _levels[level + 1].Add(MerkleHash.Node(nodes[^2], nodes[^1]));
        }
    }

    public byte[] LeafHash(long index)
    {
        CheckRange(index, 0, Size - 1, nameof(index));
        return (byte[])_levels[0][(int)index].Clone();
    }

    /// <summary>The root of the tree made of the first <paramref name="size"/> leaves.</summary>
    public byte[] Root(long size)
    {
        CheckRange(size, 0, Size, nameof(size));
        return size == 0 ? MerkleHash.EmptyRoot() : SubtreeHash(0, size);
    }

    public byte[] Root() => Root(Size);

    /// <summary>The audit path of RFC 6962 §2.1.1 for leaf <paramref name="index"/> in the tree of size <paramref name="size"/>.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        CheckRange(size, 1, Size, nameof(size));
        CheckRange(index, 0, size - 1, nameof(index));
        var proof = new List<byte[]>();
        AddPath(index, 0, size, proof);
        return proof;
    }

    /// <summary>The consistency proof of RFC 6962 §2.1.2 between the trees of sizes <paramref name="size1"/> and <paramref name="size2"/>.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long size1, long size2)
    {
        CheckRange(size2, 0, Size, nameof(size2));
        CheckRange(size1, 0, size2, nameof(size1));
        var proof = new List<byte[]>();
        if (size1 > 0 && size1 < size2)
        {
            AddSubproof(size1, 0, size2, true, proof);
        }

        return proof;
    }

    // PATH(m, D[start:start+n]): the deepest sibling first.
    private void AddPath(long m, long start, long n, List<byte[]> proof)
    {
        if (n == 1)
        {
            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (m < k)
        {
            AddPath(m, start, k, proof);
            proof.Add(SubtreeHash(start + k, n - k));
        }
        else
        {
            AddPath(m - k, start + k, n - k, proof);
            proof.Add(SubtreeHash(start, k));
        }
    }

    // SUBPROOF(m, D[start:start+n], b).
    private void AddSubproof(long m, long start, long n, bool wholeOldTree, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!wholeOldTree)
            {
                proof.Add(SubtreeHash(start, n));
            }

            return;
        }

        var k = MerkleHash.SplitPoint(n);
        if (m <= k)
        {
            AddSubproof(m, start, k, wholeOldTree, proof);
            proof.Add(SubtreeHash(start + k, n - k));
        }
        else
        {
            AddSubproof(m - k, start + k, n - k, false, proof);
            proof.Add(SubtreeHash(start, k));
        }
    }

    private byte[] SubtreeHash(long start, long size)
    {
        if (BitOperations.IsPow2(size) && start % size == 0)
        {
            var level = BitOperations.Log2((ulong)size);
            return _levels[level][(int)(start >> level)];
        }

        var k = MerkleHash.SplitPoint(size);
        return MerkleHash.Node(SubtreeHash(start, k), SubtreeHash(start + k, size - k));
    }

    private static void CheckRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Expected a value between {min} and {max}.");
        }
    }
}
