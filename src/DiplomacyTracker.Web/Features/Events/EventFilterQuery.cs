using System.Globalization;
using DiplomacyTracker.Data.Events;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace DiplomacyTracker.Web.Features.Events;

/// <summary>
/// The one mapping between filters and the URL query, shared by the timeline (bookmarkable views) and the JSON API:
/// year, yearFrom, yearTo, venue, participant, type, topic, q, xiputin, page, pageSize.
/// </summary>
public sealed record EventFilterQuery(EventFilter Filter, int Page, int PageSize, IReadOnlyDictionary<string, string[]> Errors)
{
    public const int MinYear = 1;
    public const int MaxYear = 9999;

    public bool IsValid => Errors.Count == 0;

    public static EventFilterQuery Parse(IEnumerable<KeyValuePair<string, StringValues>> query, int defaultPageSize = EventFilter.DefaultPageSize)
    {
        var values = query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        string? Text(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        int? Number(string key, int min, int max)
        {
            if (Text(key) is not { } raw)
            {
                return null;
            }

            if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            errors[key] = [$"'{raw}' is not a whole number from {min} to {max}."];
            return null;
        }

        var year = Number("year", MinYear, MaxYear);
        var yearFrom = Number("yearFrom", MinYear, MaxYear) ?? year;
        var yearTo = Number("yearTo", MinYear, MaxYear) ?? year;
        if (yearFrom > yearTo)
        {
            errors["yearTo"] = [$"The end year {yearTo} is before the start year {yearFrom}."];
            (yearFrom, yearTo) = (null, null);
        }

        EventType? type = null;
        if (Text("type") is { } rawType)
        {
            if (Enum.TryParse<EventType>(rawType, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(rawType, out _))
            {
                type = parsed;
            }
            else
            {
                errors["type"] = [$"'{rawType}' is not an event type. Use one of: {string.Join(", ", Enum.GetNames<EventType>())}."];
            }
        }

        var xiPutin = false;
        if (Text("xiputin") is { } rawXiPutin && !bool.TryParse(rawXiPutin, out xiPutin))
        {
            errors["xiputin"] = ["Use true or false."];
        }

        var page = Number("page", 1, 1_000_000) ?? 1;
        var pageSize = Number("pageSize", 1, EventFilter.MaxPageSize) ?? defaultPageSize;
        var filter = new EventFilter
        {
            YearFrom = yearFrom,
            YearTo = yearTo,
            Venue = Text("venue"),
            Participant = Text("participant"),
            Type = type,
            Topic = Text("topic"),
            Text = Text("q"),
            XiPutinOnly = xiPutin,
        };
        return new EventFilterQuery(filter, page, pageSize, errors);
    }

    /// <summary>The query string for a filter (empty values and the default page and page size left out), e.g. "?year=2024&amp;venue=Beijing".</summary>
    public static string ToQueryString(EventFilter filter, int page = 1, int pageSize = EventFilter.DefaultPageSize)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(key, value));
            }
        }

        if (filter.YearFrom is { } from && filter.YearFrom == filter.YearTo)
        {
            Add("year", from.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Add("yearFrom", filter.YearFrom?.ToString(CultureInfo.InvariantCulture));
            Add("yearTo", filter.YearTo?.ToString(CultureInfo.InvariantCulture));
        }

        Add("venue", filter.Venue);
        Add("participant", filter.Participant);
        Add("type", filter.Type?.ToString());
        Add("topic", filter.Topic);
        Add("q", filter.Text);
        if (filter.XiPutinOnly)
        {
            Add("xiputin", "true");
        }

        if (page > 1)
        {
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        if (pageSize != EventFilter.DefaultPageSize)
        {
            Add("pageSize", pageSize.ToString(CultureInfo.InvariantCulture));
        }

        return QueryString.Create(pairs).ToString();
    }
}
