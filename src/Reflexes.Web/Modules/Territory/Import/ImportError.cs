namespace Reflexes.Web.Modules.Territory.Import;

/// <summary>What is wrong with one cell (or the header, line 1) of an imported file, as a message key.</summary>
public sealed record ImportError(int Line, string Column, string MessageKey, string? Value = null);
