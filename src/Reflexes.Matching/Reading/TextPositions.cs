using System.Text;

namespace Reflexes.Matching.Reading;

/// <summary>Turns byte offsets of a UTF-8 document into 1-based lines and columns, only when an error needs them.</summary>
internal sealed class TextPositions(ReadOnlyMemory<byte> utf8)
{
    private int[]? _lineStarts;

    public (int Line, int Column) At(long offset)
    {
        _lineStarts ??= LineStarts(utf8.Span);
        var index = Array.BinarySearch(_lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var start = _lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(utf8.Span[start..(int)offset]) + 1;
        return (line + 1, column);
    }

    private static int[] LineStarts(ReadOnlySpan<byte> text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
