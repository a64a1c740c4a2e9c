using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>
/// Visits every page each kind of person can reach by following links, scans each with axe, and checks
/// that together the tours cover every page the app declares.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class AccessibilityTourTests(BrowserFixture fixture)
{
    /// <summary>Pages no link leads to, each scanned by another browser test.</summary>
    private static readonly string[] ReachedElsewhere =
    [
        "account/invitation/{token}", // AccessJourneyTests: the e-mailed link
        "account/sign-in/two-factor", // only during a two-factor sign-in
        "my-data/receipts/{id}", // ConsentJourneyTests: after a choice
        "data-trust/exceptional-uses/{id}", // ExceptionalUseJourneyTests: once a request exists
        "data-trust/rights/{id}", // RightsJourneyTests: once a request exists
        "outreach/registry/{id}", // RegistryJourneyTests: once someone is registered
        "outreach/registry/{id}/correct", // RegistryJourneyTests: the correction
        "outreach/registry/{id}/merge", // RegistryMergeJourneyTests: the same person registered twice
        "outreach/referrals/file/{registrantId}", // OrientationJourneyTests: from a person's page
        "outreach/orientation", // OrientationJourneyTests: the orientator's queue
        "outreach/orientation/{id}", // OrientationJourneyTests: routing a referral
        "outreach/referrals/inbox", // OrientationJourneyTests: the partner's inbox
        "outreach/referrals/inbox/{id}", // OrientationJourneyTests: acknowledging and closing
        "reserve/agents/plan", // ReserveJourneyTests: an agent of the staff directory
        "reserve/agents/approvals", // ReserveJourneyTests: the agent's manager
        "outreach/calls/{id}", // CampaignJourneyTests: the call a caller took
        "heatwave-register/done", // RegistrySelfServiceJourneyTests: after sending the form
        "outreach/registry/import/{id}", // RegistryImportJourneyTests: once a list is staged
    ];

    [SkippableFact]
    public async Task Every_page_reached_by_each_role_has_no_serious_or_critical_accessibility_violation()
    {
        var visited = new HashSet<string>();
        foreach (var email in new[] { null, "admin@valbrune.example", "habitante@valbrune.example", "coordination@valbrune.example", "dpo@valbrune.example" })
        {
            await using var context = await fixture.NewContextAsync();
            var page = await context.NewPageAsync();
            if (email is not null)
            {
                await page.SignInAsync(email);
            }

            visited.UnionWith(await TourAsync(page, ["/", "/page-qui-n-existe-pas", "/error/404", "/account/sign-in", "/account/sign-out", "/admin/users"]));
        }

        var declared = DeclaredPageTemplates();
        var missed = declared.Except(visited).Except(ReachedElsewhere).ToList();
        missed.ShouldBeEmpty("pages no tour reached (add a link, a seed, or scan them elsewhere)");
        visited.Count.ShouldBeGreaterThan(15);
    }

    private async Task<HashSet<string>> TourAsync(IPage page, string[] seeds)
    {
        var origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        var queue = new Queue<string>(seeds);
        var seen = new HashSet<string>(seeds);
        var templates = new Dictionary<string, int>();
        var queued = new Dictionary<string, int>();
        var reached = new HashSet<string>();
        while (queue.Count > 0 && seen.Count < 200)
        {
            var path = queue.Dequeue();
            var template = Template(path);
            templates[template] = templates.GetValueOrDefault(template) + 1;
            if (templates[template] > 2)
            {
                continue; // two instances of a page are enough to scan
            }

            var response = await page.GotoAsync(path);
            if (response is not null && !(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue; // a JSON document or a download linked from a page, not a page
            }

            await page.ShouldHaveNoSeriousViolationsAsync();
            reached.Add(template);
            reached.Add(Template(new Uri(page.Url).PathAndQuery)); // where a redirect led
            var hrefs = await page.EvaluateAsync<string[]>(
                "Array.from(document.querySelectorAll('a[href]:not([download])')).map(a => a.href)");
            foreach (var href in hrefs)
            {
                if (!href.StartsWith(origin, StringComparison.Ordinal))
                {
                    continue;
                }

                var local = new Uri(href).PathAndQuery;
                // Pages whose template was already scanned twice are not queued: long lists of links
                // (missions, people) must not use up the tour's budget before the other pages.
                var target = Template(local);
                if (local.Contains("handler=", StringComparison.Ordinal) || queued.GetValueOrDefault(target) >= 2 || !seen.Add(local))
                {
                    continue;
                }

                queued[target] = queued.GetValueOrDefault(target) + 1;

                queue.Enqueue(local);
            }
        }

        return reached;
    }

    private HashSet<string> DeclaredPageTemplates() => [.. PagePatterns().Select(p => Normalise(p.RawText ?? ""))];

    /// <summary>The declared page template a visited path matches, preferring the most literal one.</summary>
    private string Template(string path)
    {
        var bare = "/" + path.Split('?')[0].Trim('/');
        foreach (var pattern in PagePatterns())
        {
            var matcher = new TemplateMatcher(TemplateParser.Parse(pattern.RawText!.TrimStart('/')), []);
            if (matcher.TryMatch(bare, []))
            {
                return Normalise(pattern.RawText!);
            }
        }

        return bare.Trim('/');
    }

    private List<RoutePattern> PagePatterns() =>
        [.. fixture.App!.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern)
            .OrderByDescending(p => p.PathSegments.Count(s => s.IsSimple && s.Parts[0].IsLiteral))
            .ThenBy(p => p.Parameters.Count)];

    private static string Normalise(string routeTemplate) => Constraint().Replace(routeTemplate.Trim('/'), "{$1}");

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex Constraint();
}

/// <summary>The scanner itself: a page with known faults must fail it.</summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityScanTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task The_scan_fails_a_page_with_an_unlabelled_field_and_an_image_without_text()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"fr\"><head><title>Essai</title></head><body><main><h1>Essai</h1>"
            + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><form><input type=\"text\"></form></main></body></html>");

        string? failure = null;
        try
        {
            await page.ShouldHaveNoSeriousViolationsAsync();
        }
        catch (ShouldAssertException e)
        {
            failure = e.Message;
        }

        failure.ShouldNotBeNull();
        failure.ShouldContain("image-alt");
        failure.ShouldContain("label (critical)");
    }
}
