using System.Text.Json;
using System.Text.Json.Nodes;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;

namespace Reflexes.Web.Modules.DataTrust.Receipts;

/// <summary>
/// The machine-readable receipt of one consent record, with the fields of the Kantara Initiative
/// Consent Receipt Specification v1.1 (whose elements map onto ISO/IEC TS 27560), plus a
/// <c>reflexes</c> extension saying what the choice was, how and by whom it was recorded.
/// </summary>
public static class ConsentReceipt
{
    public const string SpecificationVersion = "KI-CR-v1.1.0";

    public static JsonObject Build(ConsentRecord record, ProcessingPurpose purpose, Uri publicBase)
    {
        var policy = new Uri(publicBase, "/data-trust/purposes/" + purpose.Code);
        return new JsonObject
        {
            ["version"] = SpecificationVersion,
            ["jurisdiction"] = "FR",
            ["consentTimestamp"] = new DateTimeOffset(record.RecordedAtUtc).ToUnixTimeSeconds(),
            ["collectionMethod"] = CollectionMethod(record.Channel),
            ["consentReceiptID"] = record.Id.ToString(),
            ["language"] = "fr",
            ["piiPrincipalId"] = record.SubjectId.ToString(),
            ["piiControllers"] = new JsonArray(new JsonObject
            {
                ["piiController"] = purpose.Controller,
                ["onBehalf"] = false,
                ["contact"] = "Délégué à la protection des données",
                ["piiControllerUrl"] = new Uri(publicBase, "/data-trust/purposes").ToString(),
            }),
            ["policyUrl"] = policy.ToString(),
            ["services"] = new JsonArray(new JsonObject
            {
                ["service"] = purpose.Title,
                ["purposes"] = new JsonArray(new JsonObject
                {
                    ["purpose"] = purpose.Description,
                    ["purposeCategory"] = new JsonArray(JsonValue.Create(purpose.Code)),
                    ["consentType"] = "EXPLICIT",
                    ["piiCategory"] = new JsonArray([.. purpose.DataCategoryList.Select(c => (JsonNode)JsonValue.Create(c))]),
                    ["primaryPurpose"] = true,
                    ["termination"] = Termination(record, purpose),
                    ["thirdPartyDisclosure"] = false,
                }),
            }),
            ["sensitive"] = purpose.SpecialCategories,
            ["spiCat"] = new JsonArray([.. (purpose.SpecialCategories ? purpose.DataCategoryList : []).Select(c => (JsonNode)JsonValue.Create(c))]),
            ["reflexes"] = new JsonObject
            {
                ["choice"] = record.Choice.ToString().ToLowerInvariant(),
                ["purposeCode"] = purpose.Code,
                ["purposeVersion"] = purpose.Version,
                ["legalBasis"] = purpose.LegalBasis.ToString(),
                ["channel"] = record.Channel.ToString(),
                ["recordedBy"] = record.Channel == ConsentChannel.SelfService ? "data subject" : "agent",
                ["onBehalfOf"] = record.OnBehalfOf,
                ["expiresAt"] = record.ExpiresAtUtc?.ToString("O"),
                ["retentionMonths"] = purpose.RetentionMonths,
            },
        };
    }

    public static string ToJson(JsonObject receipt) =>
        receipt.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static string CollectionMethod(ConsentChannel channel) => channel switch
    {
        ConsentChannel.SelfService => "web form, signed in by the person",
        ConsentChannel.Phone => "telephone call with an agent",
        ConsentChannel.PaperForm => "paper form, entered by an agent",
        ConsentChannel.InPerson => "in person, entered by an agent",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private static string Termination(ConsentRecord record, ProcessingPurpose purpose) =>
        record.ExpiresAtUtc is { } end
            ? $"until {end:yyyy-MM-dd} or withdrawal; data kept at most {purpose.RetentionMonths} months"
            : $"until withdrawal; data kept at most {purpose.RetentionMonths} months";
}
