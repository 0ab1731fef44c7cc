using DiplomacyTracker.Data.Common;
using DiplomacyTracker.Data.Events;
using DiplomacyTracker.Data.Events.Editing;
using DiplomacyTracker.Web.Features.Editing.Sections;

namespace DiplomacyTracker.ComponentTests.Editing;

public sealed class ParticipantsAndLegsSectionTests : EditorSectionTest
{
    private static readonly PersonRef[] People = [new(1, "xi-jinping", "Xi Jinping", Side.China), new(2, "vladimir-putin", "Vladimir Putin", Side.Russia)];

    private static EventDraft TwoParticipants() => new()
    {
        Participants =
        [
            new ParticipantDraft { Key = "xi", PersonId = 1, PersonName = "Xi Jinping", Role = "President of China" },
            new ParticipantDraft { Key = "putin", PersonId = 2, PersonName = "Vladimir Putin" },
        ],
        Legs = [new LegDraft { City = "Beijing", Country = "China", AttendeeKeys = ["xi", "putin"] }],
        Statements = [new StatementDraft { SpeakerKey = "putin", Text = "Useful talks." }],
    };

    [Fact]
    public void Each_participant_is_a_named_row_with_the_picked_person_and_role()
    {
        var cut = RenderSection<ParticipantsSection>(TwoParticipants(), p => p.Add(s => s.People, People));

        var first = Group(cut, "Participant 1");
        Assert.Equal("Xi Jinping", Field(first, "Person").GetAttribute("value"));
        Assert.Equal("President of China", Field(first, "Role at the event").GetAttribute("value"));
        Assert.True(Field(first, "Someone already recorded").HasAttribute("checked"));
        Assert.NotNull(Group(cut, "Participant 2"));
    }

    [Fact]
    public void Add_participant_adds_a_row_to_pick_and_remove_takes_the_person_out_of_legs_and_statements()
    {
        var draft = TwoParticipants();
        var cut = RenderSection<ParticipantsSection>(draft, p => p.Add(s => s.People, People));

        Button(cut, "Add participant").Click();
        Assert.Equal(3, draft.Participants.Count);
        Assert.Equal(0, draft.Participants[2].PersonId);
        Assert.NotNull(Group(cut, "Participant 3"));

        Button(cut, "Remove participant 2").Click();
        Assert.DoesNotContain(draft.Participants, p => p.Key == "putin");
        Assert.Equal(["xi"], draft.Legs[0].AttendeeKeys);
        // What Putin said stays his, as a recorded person who is no longer a participant.
        Assert.Null(draft.Statements[0].SpeakerKey);
        Assert.Equal(2, draft.Statements[0].SpeakerPersonId);
        Assert.DoesNotContain("Participant 3", GroupNames(cut));
    }

    [Fact]
    public void Choosing_a_new_person_shows_the_name_fields_in_three_scripts_and_the_country()
    {
        var draft = new EventDraft { Participants = [ParticipantDraft.ToPick()] };
        var cut = RenderSection<ParticipantsSection>(draft, p => p.Add(s => s.People, People));

        Field(Group(cut, "Participant 1"), "A new person").Click();
        cut.WaitForAssertion(() => Assert.True(draft.Participants[0].IsNew));
        cut.WaitForAssertion(() => Field(Group(cut, "Participant 1"), "Name in English"));

        var row = Group(cut, "Participant 1");
        Field(row, "Name in English").Change("Li Hui");
        Assert.Equal("zh", Field(row, "Name in Chinese").Closest("[lang]")?.GetAttribute("lang"));
        Assert.Equal("ru", Field(row, "Name in Russian").Closest("[lang]")?.GetAttribute("lang"));
        Assert.NotNull(Field(row, "Country"));
        cut.WaitForAssertion(() => Assert.Equal("Li Hui", draft.Participants[0].NewNameEn));
        Assert.Throws<Xunit.Sdk.XunitException>(() => Field(row, "Person"));
    }

    [Fact]
    public void A_participant_not_yet_picked_is_named_on_save()
    {
        var draft = new EventDraft { Title = "x", StartDate = new DateOnly(2024, 1, 1), Participants = [ParticipantDraft.ToPick()], Legs = [new LegDraft { City = "A", Country = "B" }] };
        var cut = RenderSection<ParticipantsSection>(draft, p => p.Add(s => s.People, People));
        ValidateAll(cut);
        ExpectMessage(cut, () => Field(Group(cut, "Participant 1"), "Person"), "Choose a person, or switch to adding a new person.");
    }

    [Fact]
    public void Legs_list_the_participants_as_attendee_choices_and_add_and_remove_rows()
    {
        var draft = TwoParticipants();
        var cut = RenderSection<LegsSection>(draft);

        var leg = Group(cut, "Leg 1");
        Assert.Equal("Beijing", Field(leg, "City").GetAttribute("value"));
        Assert.True(Field(leg, "Xi Jinping").HasAttribute("checked"));
        Field(leg, "Vladimir Putin").Change(false);
        cut.WaitForAssertion(() => Assert.Equal(["xi"], draft.Legs[0].AttendeeKeys));

        Button(cut, "Add leg").Click();
        Assert.Equal(2, draft.Legs.Count);
        Field(Group(cut, "Leg 2"), "City").Change("Harbin");
        cut.WaitForAssertion(() => Assert.Equal("Harbin", draft.Legs[1].City));

        Button(cut, "Remove leg 1").Click();
        Assert.Equal("Harbin", Assert.Single(draft.Legs).City);
        Assert.Equal("Harbin", Field(Group(cut, "Leg 1"), "City").GetAttribute("value"));
    }

    [Fact]
    public void A_leg_without_a_city_is_named_on_save_and_a_visit_without_legs_is_told_to_add_one()
    {
        var draft = new EventDraft { Legs = [new LegDraft { Country = "China" }] };
        var cut = RenderSection<LegsSection>(draft);
        ValidateAll(cut);
        ExpectMessage(cut, () => Field(Group(cut, "Leg 1"), "City"), "City is required.");

        Button(cut, "Remove leg 1").Click();
        ValidateAll(cut);
        cut.WaitForAssertion(() => Assert.Contains("Add at least one leg.", cut.Markup, StringComparison.Ordinal));
    }
}
