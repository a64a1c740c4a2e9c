using System.Security.Cryptography;
using System.Text;

namespace Reflexes.Audit.Tests;

public sealed class TreeHeadTests
{
    private static DateTimeOffset Noon => new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_signed_encoding_is_five_text_lines()
    {
        var root = SHA256.HashData("root"u8);
        var head = new TreeHead("reflexes.example.fr", 42, root, Noon);

        Encoding.UTF8.GetString(head.Encode()).ShouldBe(
            $"reflexes-audit-tree-head/v1\nreflexes.example.fr\n42\n{Convert.ToBase64String(root)}\n{Noon.ToUnixTimeMilliseconds()}\n");
    }

    [Fact]
    public void A_signed_head_verifies_with_the_signers_public_key_only()
    {
        using var key = TreeHeadSigner.CreateKey();
        using var otherKey = TreeHeadSigner.CreateKey();
        var signer = new TreeHeadSigner(key);
        var signed = signer.Sign(new TreeHead("log", 3, SHA256.HashData("r"u8), Noon));

        signer.PublicKey.Verifies(signed).ShouldBeTrue();
        new TreeHeadSigner(otherKey).PublicKey.Verifies(signed).ShouldBeFalse();
    }

    [Fact]
    public void Changing_the_size_root_time_or_origin_of_a_signed_head_breaks_its_signature()
    {
        using var key = TreeHeadSigner.CreateKey();
        var signer = new TreeHeadSigner(key);
        var root = SHA256.HashData("r"u8);
        var signed = signer.Sign(new TreeHead("log", 3, root, Noon));
        var otherRoot = (byte[])root.Clone();
        otherRoot[0] ^= 1;

        signer.PublicKey.Verifies(signed with { Head = new TreeHead("log", 4, root, Noon) }).ShouldBeFalse();
        signer.PublicKey.Verifies(signed with { Head = new TreeHead("log", 3, otherRoot, Noon) }).ShouldBeFalse();
        signer.PublicKey.Verifies(signed with { Head = new TreeHead("log", 3, root, Noon.AddMilliseconds(1)) }).ShouldBeFalse();
        signer.PublicKey.Verifies(signed with { Head = new TreeHead("other", 3, root, Noon) }).ShouldBeFalse();
    }

    [Fact]
    public void The_public_key_round_trips_through_pem_with_the_same_fingerprint()
    {
        using var key = TreeHeadSigner.CreateKey();
        var published = new TreeHeadSigner(key).PublicKey;

        var read = TreeHeadPublicKey.FromPem(published.Pem);

        read.Fingerprint.ShouldBe(published.Fingerprint);
        published.Pem.ShouldStartWith("-----BEGIN PUBLIC KEY-----");
    }

    [Fact]
    public void An_origin_spanning_two_lines_is_refused()
    {
        Should.Throw<ArgumentException>(() => new TreeHead("log\n99", 1, SHA256.HashData("r"u8), Noon));
    }
}
