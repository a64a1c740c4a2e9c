using System.Globalization;
using System.Text;

namespace Reflexes.Audit;

/// <summary>
/// The state of the log at one moment: how many entries, their root, and when. <see cref="Encode"/>
/// gives the exact bytes that are signed — plain text, so anyone can check a signature with standard tools.
/// </summary>
public sealed record TreeHead
{
    public const string Format = "reflexes-audit-tree-head/v1";

    public TreeHead(string origin, long size, byte[] root, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(root);
        if (origin.Length == 0 || origin.Length > 200 || origin.Any(c => char.IsControl(c)))
        {
            throw new ArgumentException("The origin is one line of 1 to 200 printable characters.", nameof(origin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (root.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A root has {MerkleHash.Size} bytes.", nameof(root));
        }

        Origin = origin;
        Size = size;
        Root = (byte[])root.Clone();
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(timestamp.ToUnixTimeMilliseconds());
    }

    /// <summary>Names the log (for instance the platform's address), so a head of one log cannot pass for another's.</summary>
    public string Origin { get; }

    public long Size { get; }

    public byte[] Root { get; }

    /// <summary>When the head was made, to the millisecond.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// The canonical encoding, UTF-8 with LF line ends:
    /// the format line, the origin, the size, the root in base64 and the time in Unix milliseconds.
    /// </summary>
    public byte[] Encode() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{Format}\n{Origin}\n{Size}\n{Convert.ToBase64String(Root)}\n{Timestamp.ToUnixTimeMilliseconds()}\n"));

    public bool Equals(TreeHead? other) =>
        other is not null && Origin == other.Origin && Size == other.Size && Root.AsSpan().SequenceEqual(other.Root) && Timestamp == other.Timestamp;

    public override int GetHashCode() => HashCode.Combine(Origin, Size, Convert.ToHexString(Root), Timestamp);
}
