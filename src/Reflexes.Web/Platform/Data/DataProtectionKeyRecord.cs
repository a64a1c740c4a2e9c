namespace Reflexes.Web.Platform.Data;

/// <summary>One ASP.NET Core data-protection key, shared by every instance through the database.</summary>
public sealed class DataProtectionKeyRecord
{
    public string Id { get; set; } = "";

    public string Xml { get; set; } = "";
}
