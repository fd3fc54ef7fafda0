namespace ReviewWorkflow.Workflow.Council;

/// <summary>
/// Bank holidays in England and Wales, computed from the standing rules (Banking and Financial Dealings Act 1971 and
/// the usual royal proclamations): New Year's Day, Good Friday, Easter Monday, early May (first Monday), spring (last
/// Monday in May), summer (last Monday in August), Christmas Day and Boxing Day, with substitute weekdays when these fall
/// at a weekend. Proclaimed one-offs and moved holidays (<see cref="OneOffs"/>, <see cref="Moved"/>) are known to 2023;
/// none fall in the built-in years, and later proclamations must be added to the council's list by hand.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    public const int FirstBuiltInYear = 2024;
    public const int LastBuiltInYear = 2030;

    /// <summary>Proclaimed extra holidays (2022 Platinum Jubilee and State Funeral, 2023 Coronation); none fall in 2024-2030.</summary>
    public static IReadOnlyList<DateOnly> OneOffs { get; } = [new(2022, 6, 3), new(2022, 9, 19), new(2023, 5, 8)];

    /// <summary>Standing holidays moved by proclamation (2020 early May to VE Day; 2022 spring to the Jubilee).</summary>
    public static IReadOnlyDictionary<DateOnly, DateOnly> Moved { get; } = new Dictionary<DateOnly, DateOnly>
    {
        [new(2020, 5, 4)] = new(2020, 5, 8),
        [new(2022, 5, 30)] = new(2022, 6, 2),
    };

    /// <summary>The built-in list, 2024 to 2030 inclusive, in date order.</summary>
    public static IReadOnlyList<DateOnly> BuiltIn { get; } = Between(FirstBuiltInYear, LastBuiltInYear);

    public static IReadOnlyList<DateOnly> Between(int firstYear, int lastYear)
    {
        var days = new List<DateOnly>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            days.AddRange(ForYear(year));
        }

        return days.AsReadOnly();
    }

    public static IReadOnlyList<DateOnly> ForYear(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<DateOnly>
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        AddChristmas(year, days);
        days = days.Select(d => Moved.TryGetValue(d, out var moved) ? moved : d).ToList();
        days.AddRange(OneOffs.Where(d => d.Year == year));
        days.Sort();
        return days.AsReadOnly();
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static void AddChristmas(int year, List<DateOnly> days)
    {
        // Christmas and Boxing Day each take the next weekday not already taken.
        var christmas = NextWeekday(new DateOnly(year, 12, 25));
        var boxing = NextWeekday(new DateOnly(year, 12, 26));
        if (boxing <= christmas)
        {
            boxing = NextWeekday(christmas.AddDays(1));
        }

        days.Add(christmas);
        days.Add(boxing);
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
