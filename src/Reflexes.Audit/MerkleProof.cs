namespace Reflexes.Audit;

/// <summary>
/// Verification of inclusion and consistency proofs (RFC 9162 §2.1.3.2 and §2.1.4.2, which restate
/// RFC 6962's proofs as iterative checks). Neither trusts the proof's length nor the sizes it is given;
/// sizes are unsigned 64-bit numbers as in RFC 9162.
/// </summary>
public static class MerkleProof
{
    /// <summary>Checks that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of <paramref name="size"/> leaves with <paramref name="root"/>.</summary>
    public static ProofCheck VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index >= size)
        {
            return ProofCheck.Invalid($"Leaf index {index} is outside a tree of size {size}.");
        }

        if (leafHash.Length != MerkleHash.Size)
        {
            return ProofCheck.Invalid($"The leaf hash has {leafHash.Length} bytes, not {MerkleHash.Size}.");
        }

        if (proof.Any(p => p is null || p.Length != MerkleHash.Size))
        {
            return ProofCheck.Invalid($"A proof element does not have {MerkleHash.Size} bytes.");
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return ProofCheck.Invalid("The proof is longer than the path to the root.");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return ProofCheck.Invalid("The proof is shorter than the path to the root.");
        }

        return r.AsSpan().SequenceEqual(root) ? ProofCheck.Valid : ProofCheck.Invalid("The proof leads to a different root.");
    }

    /// <summary>Checks that the tree of <paramref name="size2"/> leaves with <paramref name="root2"/> extends the tree of <paramref name="size1"/> leaves with <paramref name="root1"/>.</summary>
    public static ProofCheck VerifyConsistency(ulong size1, ulong size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size2 < size1)
        {
            return ProofCheck.Invalid($"The first size ({size1}) is greater than the second ({size2}).");
        }

        // A proof from the empty tree proves nothing: every tree extends it.
        if (size1 == 0)
        {
            return ProofCheck.Invalid("A consistency proof from the empty tree proves nothing.");
        }

        if (size1 == size2)
        {
            if (proof.Count > 0)
            {
                return ProofCheck.Invalid("Trees of equal size need an empty proof.");
            }

            return root1.SequenceEqual(root2) ? ProofCheck.Valid : ProofCheck.Invalid("Trees of equal size have different roots.");
        }

        if (proof.Count == 0)
        {
            return ProofCheck.Invalid("The proof is empty.");
        }

        if (proof.Any(p => p is null || p.Length != MerkleHash.Size))
        {
            return ProofCheck.Invalid($"A proof element does not have {MerkleHash.Size} bytes.");
        }

        var path = new List<byte[]>(proof.Count + 1);
        if ((size1 & (size1 - 1)) == 0)
        {
            // The old tree is a complete subtree of the new one: its root is the proof's implicit first node.
            path.Add(root1.ToArray());
        }

        path.AddRange(proof);

        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return ProofCheck.Invalid("The proof is longer than needed.");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return ProofCheck.Invalid("The proof is shorter than needed.");
        }

        if (!fr.AsSpan().SequenceEqual(root1))
        {
            return ProofCheck.Invalid("The proof does not lead to the first root.");
        }

        return sr.AsSpan().SequenceEqual(root2) ? ProofCheck.Valid : ProofCheck.Invalid("The proof does not lead to the second root.");
    }
}
