package io.bridgeway.matching.circles.io;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;

/**
 * A MODEL.md circles instance, plus optional meeting-time fields: per person {@code timeZone} (IANA id) and
 * {@code availability} (["MON-09", ...] in that zone); at the top level {@code startDate} (ISO date of the
 * first meeting week of round 1) and {@code weeksPerRound} (default 1). MODEL.md's {@code freeUtcHours} (UTC hours
 * of the week 0..167) is what the search optimises; a person's {@code level} and {@code utcOffsetMinutes} may be
 * left out (golfer instances) but not null; {@code rules.unavailableMemberWeight} overrides its 40.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CirclesInstanceJson(String kind, String name, Integer rounds, GroupSizeJson groupSize, RulesJson rules,
        List<PersonJson> people, List<List<String>> history, String startDate, Integer weeksPerRound) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupSizeJson(Integer min, Integer max) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RulesJson(Integer seniorLevel, Integer maxOffsetDiffMinutes, Integer sameDepartmentPairWeight,
            Integer timezoneSpreadPerHourWeight, Integer groupWithoutSeniorWeight, Integer unavailableMemberWeight) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonJson(String id, String name, String department,
            @JsonDeserialize(using = IntegerIfGiven.class) Integer level, String managerId, String office,
            @JsonDeserialize(using = IntegerIfGiven.class) Integer utcOffsetMinutes, List<String> languages,
            Map<String, Integer> skills, List<String> goals, String timeZone, List<String> availability,
            List<Integer> freeUtcHours) {
    }

    /**
     * An Integer that may be left out (null) but not given as null: Jackson's {@code Nulls.FAIL} would refuse a
     * left-out field too, and the golfer instances leave level and offset out.
     */
    static final class IntegerIfGiven extends StdDeserializer<Integer> {

        IntegerIfGiven() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return context.readValue(parser, Integer.class); // any other Integer's rules
        }

        @Override
        public Integer getNullValue(DeserializationContext context) throws JsonMappingException {
            String field = context.getParser().getParsingContext().getCurrentName();
            throw InvalidNullException.from(context, PropertyName.construct(field), context.constructType(Integer.class));
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
