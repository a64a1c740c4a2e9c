namespace Reflexes.Audit.Tests;

public sealed class TestVectorTests
{
    // The eight leaves of the reference tree used by Certificate Transparency's tests.
    private static string[] ReferenceLeaves =>
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    public static TheoryData<string> InclusionVectors() => [.. TestVectors.Files("inclusion")];

    public static TheoryData<string> ConsistencyVectors() => [.. TestVectors.Files("consistency")];

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void Inclusion_proof_verification_agrees_with_the_go_test_vector(string file)
    {
        var v = TestVectors.Read(file);
        var check = MerkleProof.VerifyInclusion(
            v.GetProperty("leafIdx").GetUInt64(),
            v.GetProperty("treeSize").GetUInt64(),
            TestVectors.Bytes(v.GetProperty("leafHash")),
            TestVectors.Proof(v),
            TestVectors.Bytes(v.GetProperty("root")));

        check.IsValid.ShouldBe(!v.GetProperty("wantErr").GetBoolean(), $"{file}: {v.GetProperty("desc").GetString()} ({check.Failure})");
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void Consistency_proof_verification_agrees_with_the_go_test_vector(string file)
    {
        var v = TestVectors.Read(file);
        var check = MerkleProof.VerifyConsistency(
            v.GetProperty("size1").GetUInt64(),
            v.GetProperty("size2").GetUInt64(),
            TestVectors.Bytes(v.GetProperty("root1")),
            TestVectors.Bytes(v.GetProperty("root2")),
            TestVectors.Proof(v));

        check.IsValid.ShouldBe(!v.GetProperty("wantErr").GetBoolean(), $"{file}: {v.GetProperty("desc").GetString()} ({check.Failure})");
    }

    [Fact]
    public void Every_vector_folder_holds_happy_paths_and_corrupted_cases()
    {
        foreach (var kind in new[] { "inclusion", "consistency" })
        {
            var wants = TestVectors.Files(kind).Select(f => TestVectors.Read(f).GetProperty("wantErr").GetBoolean()).ToList();
            wants.Count(w => !w).ShouldBeGreaterThanOrEqualTo(5, kind);
            wants.Count(w => w).ShouldBeGreaterThanOrEqualTo(50, kind);
        }
    }

    [Fact]
    public void Generated_inclusion_proofs_equal_the_happy_path_vectors_over_the_reference_tree()
    {
        var tree = ReferenceTree();
        var compared = 0;
        foreach (var file in TestVectors.Files("inclusion"))
        {
            var v = TestVectors.Read(file);
            var size = v.GetProperty("treeSize").GetInt64();
            if (v.GetProperty("wantErr").GetBoolean() || size > tree.Size || !tree.Root(size).SequenceEqual(TestVectors.Bytes(v.GetProperty("root"))))
            {
                continue;
            }

            var proof = tree.InclusionProof(v.GetProperty("leafIdx").GetInt64(), size);
            proof.Select(Convert.ToBase64String).ShouldBe(TestVectors.Proof(v).Select(Convert.ToBase64String), file);
            compared++;
        }

        compared.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Generated_consistency_proofs_equal_the_happy_path_vectors_over_the_reference_tree()
    {
        var tree = ReferenceTree();
        var compared = 0;
        foreach (var file in TestVectors.Files("consistency"))
        {
            var v = TestVectors.Read(file);
            var size1 = v.GetProperty("size1").GetInt64();
            var size2 = v.GetProperty("size2").GetInt64();
            if (v.GetProperty("wantErr").GetBoolean() || size1 == 0 || size2 > tree.Size
                || !tree.Root(size2).SequenceEqual(TestVectors.Bytes(v.GetProperty("root2"))))
            {
                continue;
            }

            var proof = tree.ConsistencyProof(size1, size2);
            proof.Select(Convert.ToBase64String).ShouldBe(TestVectors.Proof(v).Select(Convert.ToBase64String), file);
            compared++;
        }

        compared.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_reference_tree_has_the_published_roots()
    {
        var tree = ReferenceTree();
        Convert.ToHexStringLower(tree.Root(0)).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Convert.ToHexStringLower(tree.Root(1)).ShouldBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        Convert.ToHexStringLower(tree.Root(2)).ShouldBe("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        Convert.ToHexStringLower(tree.Root(3)).ShouldBe("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
        Convert.ToHexStringLower(tree.Root(7)).ShouldBe("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c");
        Convert.ToHexStringLower(tree.Root(8)).ShouldBe("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    private static MerkleTree ReferenceTree() =>
        new(ReferenceLeaves.Select(hex => MerkleHash.Leaf(Convert.FromHexString(hex))));
}
