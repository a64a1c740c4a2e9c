using System.Buffers.Binary;
using System.Text;

namespace Reflexes.Audit;

/// <summary>
/// What one audit entry says: who did what, for which purpose, on which record, when, with what result.
/// Its sequence number is part of the hashed data, so an entry moved to another position, or a
/// position left empty, no longer matches its leaf.
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset OccurredAt,
    string Actor,
    string Action,
    string? Purpose,
    string? Record,
    string Result)
{
    private const byte EncodingVersion = 1;

    /// <summary>
    /// The canonical bytes hashed into the leaf: a version byte, the sequence number and the time in
    /// Unix milliseconds (8 bytes big-endian each), then each text as a presence byte, a 4-byte
    /// big-endian length and its UTF-8 bytes. Lengths make the encoding unambiguous.
    /// </summary>
    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        stream.WriteByte(EncodingVersion);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, Sequence);
        stream.Write(number);
        BinaryPrimitives.WriteInt64BigEndian(number, OccurredAt.ToUnixTimeMilliseconds());
        stream.Write(number);
        foreach (var text in (ReadOnlySpan<string?>)[Actor, Action, Purpose, Record, Result])
        {
            WriteText(stream, text);
        }

        return stream.ToArray();
    }

    public byte[] LeafHash() => MerkleHash.Leaf(Encode());

    private static void WriteText(MemoryStream stream, string? text)
    {
        if (text is null)
        {
            stream.WriteByte(0);
            return;
        }

        stream.WriteByte(1);
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
