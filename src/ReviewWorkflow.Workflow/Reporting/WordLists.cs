using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReviewWorkflow.Workflow.Reporting;

/// <summary>Numbering for the report's lists: one bullet and one decimal definition, and one instance per list so each numbered list restarts at 1.</summary>
internal sealed class WordLists
{
    private const int Bullet = 1;
    private const int Decimal = 2;
    private readonly List<bool> _lists = [];

    /// <summary>A new list instance; returns its numbering id.</summary>
    public int Add(bool ordered)
    {
        _lists.Add(ordered);
        return _lists.Count;
    }

    public Numbering Numbering()
    {
        var numbering = new Numbering(Abstract(Bullet, NumberFormatValues.Bullet, "•"), Abstract(Decimal, NumberFormatValues.Decimal, "%1."));
        for (var i = 0; i < _lists.Count; i++)
        {
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = _lists[i] ? Decimal : Bullet },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
            { NumberID = i + 1 });
        }

        return numbering;
    }

    private static AbstractNum Abstract(int id, NumberFormatValues format, string text) => new(
        new MultiLevelType { Val = MultiLevelValues.SingleLevel },
        new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new LevelText { Val = text },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
        { LevelIndex = 0 })
    { AbstractNumberId = id };
}
