using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiplomacyTracker.Data.Migrations
{
    /// <summary>
    /// Seeded date notes (and one person's description) named the source articles by their internal seed keys
    /// ("a004"), which readers cannot follow. The seed now names them as readers know them ("the 16 May 2024 report on
    /// Putin's visit"); this brings databases seeded before the change into line, touching a row only while it still
    /// holds the text the seed wrote (an editor's own wording is never overwritten).
    /// </summary>
    public partial class ReaderFacingSeedNotes : Migration
    {
        private static readonly (string Table, string Column, string SeedKey, string Seeded, string ReaderFacing)[] Notes =
        [
        ("Events", "DateNote", "1949-diplomatic-relations",
            "Neither article prints the year. a004 (dated 16 May 2024) speaks of \"75 years since the Soviet Union formally acknowledged the establishment of the People’s Republic of China\" and a002 of a ceremony celebrating \"75 years of diplomatic relations\"; counting 75 years back from 2024 gives about 1949, recorded as approximate. No month or day is given.",
            "Neither article prints the year. The 16 May 2024 report on Putin's visit speaks of \"75 years since the Soviet Union formally acknowledged the establishment of the People’s Republic of China\" and the AFP report from Beijing of a ceremony celebrating \"75 years of diplomatic relations\"; counting 75 years back from 2024 gives about 1949, recorded as approximate. No month or day is given."),
        ("Events", "DateNote", "2013-xi-state-visit-moscow",
            "a000 gives only the year (\"In 2013, on the eve of a state visit by Xi to Moscow\"); a001 (written in March 2023) says Russia was the first country Xi visited after he was elected President \"ten years ago\". No month is given, so the date is kept at year precision.",
            "The CGTN/TASS report on Medvedev's visit gives only the year (\"In 2013, on the eve of a state visit by Xi to Moscow\"); the analysis on TheSocialTalks (written in March 2023) says Russia was the first country Xi visited after he was elected President \"ten years ago\". No month is given, so the date is kept at year precision."),
        ("Events", "DateNote", "2022-02-no-limit-partnership",
            "a004 places it \"Days before Putin ordered the start of the military operation in Ukraine in February 2022\"; the month is printed, the day is not.",
            "The 16 May 2024 report on Putin's visit places it \"Days before Putin ordered the start of the military operation in Ukraine in February 2022\"; the month is printed, the day is not."),
        ("Events", "DateNote", "2022-12-joint-naval-drills",
            "a000 says that \"only days ago\" Russian warships left port for joint naval drills with China \"due to be held later this week\". This is relative to the article's own (undated) time, which is the Medvedev visit of about 20–21 December 2022, so the drills are placed in about December 2022. Status is Announced because the article reports them as upcoming.",
            "The CGTN/TASS report on Medvedev's visit says that \"only days ago\" Russian warships left port for joint naval drills with China \"due to be held later this week\". This is relative to the article's own (undated) time, which is the Medvedev visit of about 20–21 December 2022, so the drills are placed in about December 2022. Status is Announced because the article reports them as upcoming."),
        ("Events", "DateNote", "2022-12-medvedev-visit-beijing",
            "a000 says Medvedev \"concluded a two-day visit\" on \"Wednesday, December 21st\" but prints no year. The content places it in 2022: Medvedev congratulates Xi on the 20th CCP National Congress and his re-election as general secretary (October 2022), and the war in Ukraine is under way; 21 December 2022 was a Wednesday. The visit is therefore read as about 20–21 December 2022 (approximate because the year is inferred).",
            "The CGTN/TASS report on Medvedev's visit says Medvedev \"concluded a two-day visit\" on \"Wednesday, December 21st\" but prints no year. The content places it in 2022: Medvedev congratulates Xi on the 20th CCP National Congress and his re-election as general secretary (October 2022), and the war in Ukraine is under way; 21 December 2022 was a Wednesday. The visit is therefore read as about 20–21 December 2022 (approximate because the year is inferred)."),
        ("Events", "DateNote", "2023-03-xi-state-visit-moscow",
            "a001 gives the days (\"from March 20th to 22nd\") and the year only through the announcement date (\"On March 17th, 2023\"). a002 (2024) refers to Xi's visit to Russia \"last year\" and a004 to \"Xi’s visit to Moscow in March 2023\", which agree.",
            "The analysis on TheSocialTalks gives the days (\"from March 20th to 22nd\") and the year only through the announcement date (\"On March 17th, 2023\"). The AFP report from Beijing (2024) refers to Xi's visit to Russia \"last year\" and the 16 May 2024 report on Putin's visit to \"Xi’s visit to Moscow in March 2023\", which agree."),
        ("Events", "DateNote", "2023-10-putin-visit-beijing",
            "a004 says \"in October of the same year\", the year being the 2023 of \"Xi’s visit to Moscow in March 2023\" in the same sentence; no day is given. a002 (May 2024) calls the May 2024 trip Putin's \"second in just over six months to China\", which agrees. Neither article says whether it was a state or official visit.",
            "The 16 May 2024 report on Putin's visit says \"in October of the same year\", the year being the 2023 of \"Xi’s visit to Moscow in March 2023\" in the same sentence; no day is given. The AFP report from Beijing (May 2024) calls the May 2024 trip Putin's \"second in just over six months to China\", which agrees. Neither article says whether it was a state or official visit."),
        ("Events", "DateNote", "2024-05-putin-state-visit-china",
            "The dates come from a004: Putin \"arrived in Beijing on May 16, 2024, for a two-day-long state visit\". a002 prints no date, only weekdays (talks in Beijing \"on Thursday\", Harbin \"on Friday\"), which are consistent with Thursday 16 and Friday 17 May 2024.",
            "The dates come from the 16 May 2024 report on Putin's visit: Putin \"arrived in Beijing on May 16, 2024, for a two-day-long state visit\". The AFP report from Beijing prints no date, only weekdays (talks in Beijing \"on Thursday\", Harbin \"on Friday\"), which are consistent with Thursday 16 and Friday 17 May 2024."),
        ("Events", "DateNote", "wang-yi-lavrov-beijing-meeting",
            "a003 prints no date at all. It says Lavrov had just arrived in Beijing from a trip to North Korea, refers to Russia's 2022 invasion of Ukraine in the past tense and says the agenda covered the Israeli war in Gaza, so the meeting took place after October 2023; the exact date is left unknown rather than guessed.",
            "The report on the Wang Yi–Lavrov meeting prints no date at all. It says Lavrov had just arrived in Beijing from a trip to North Korea, refers to Russia's 2022 invasion of Ukraine in the past tense and says the agenda covered the Israeli war in Gaza, so the meeting took place after October 2023; the exact date is left unknown rather than guessed."),
        ("People", "Description", "dmitry-medvedev",
            "Deputy Chairman of the Security Council of Russia and chairman of the United Russia party; former President of Russia (spelled \"Dmitri\" in a000)",
            "Deputy Chairman of the Security Council of Russia and chairman of the United Russia party; former President of Russia (spelled \"Dmitri\" in the CGTN/TASS report on his visit)"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var note in Notes)
            {
                migrationBuilder.Sql($"UPDATE \"{note.Table}\" SET \"{note.Column}\" = {Quote(note.ReaderFacing)} WHERE \"SeedKey\" = {Quote(note.SeedKey)} AND \"{note.Column}\" = {Quote(note.Seeded)};");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var note in Notes)
            {
                migrationBuilder.Sql($"UPDATE \"{note.Table}\" SET \"{note.Column}\" = {Quote(note.Seeded)} WHERE \"SeedKey\" = {Quote(note.SeedKey)} AND \"{note.Column}\" = {Quote(note.ReaderFacing)};");
            }
        }

        // SQL string literal for the constant texts above (single quotes doubled).
        private static string Quote(string text) => "'" + text.Replace("'", "''", System.StringComparison.Ordinal) + "'";
    }
}
