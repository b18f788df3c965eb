package io.bridgeway.matching.pairing.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.ReportingLoops;
import io.bridgeway.matching.pairing.domain.CrossDepartment;
import io.bridgeway.matching.pairing.domain.FreeHours;
import io.bridgeway.matching.InvalidInstanceException;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.matching.pairing.solver.PairingResult;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the benchmark instance format (MODEL.md, generate.py) and writes the solution format.
 * Structural problems become {@link InvalidInstanceException}s naming the JSON path.
 * An optional {@code "pins": [{"menteeId": .., "mentorId": ..|null}]} field carries manager pins.
 */
public final class PairingJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PairingJson() {
    }

    /** Parses with the default rules/weights of MODEL.md; the instance's "rules" override the three rules. */
    public static PairingProblem readProblem(InputStream json) {
        return readProblem(json, PairingSettings.defaults());
    }

    public static PairingProblem readProblem(InputStream json, PairingSettings baseSettings) {
        try {
            return readProblem(MAPPER.readTree(json), baseSettings);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InvalidInstanceException("unreadable instance: " + e.getMessage(), e);
        }
    }

    public static PairingProblem readProblem(String json) {
        try {
            return readProblem(MAPPER.readTree(json), PairingSettings.defaults());
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static InvalidInstanceException malformed(JsonProcessingException e) {
        String detail = e.getOriginalMessage();
        int noise = detail.indexOf(" (start marker at");
        detail = noise < 0 ? detail : detail.substring(0, noise);
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new InvalidInstanceException("malformed JSON" + where + ": " + detail, e);
    }

    public static PairingProblem readProblem(JsonNode root, PairingSettings baseSettings) {
        if (root == null || !root.isObject()) {
            throw new InvalidInstanceException("the instance must be a JSON object");
        }
        JsonNode kind = root.get("kind");
        if (kind != null && !kind.isNull() && !"pairing".equals(kind.asText())) {
            throw new InvalidInstanceException("kind must be \"pairing\", not \"" + kind.asText() + "\"");
        }
        List<PersonProfile> people = new ArrayList<>();
        Map<String, FreeHours> freeHours = new HashMap<>();
        ArrayNode peopleNode = requiredArray(root, "people", "");
        for (int i = 0; i < peopleNode.size(); i++) {
            PersonProfile person = person(peopleNode.get(i), "people[" + i + "]");
            people.add(person);
            FreeHours free = freeUtcHours(peopleNode.get(i), "people[" + i + "]");
            if (free != null) {
                freeHours.put(person.id(), free);
            }
        }
        List<String> loop = ReportingLoops.firstLoop(people);
        if (!loop.isEmpty()) {
            throw new InvalidInstanceException("people[" + indexOf(people, loop.get(0)) + "].managerId "
                    + ReportingLoops.describe(loop));
        }
        List<PairingProblem.MentorSlot> mentors = new ArrayList<>();
        ArrayNode mentorNodes = requiredArray(root, "mentors", "");
        for (int i = 0; i < mentorNodes.size(); i++) {
            JsonNode node = object(mentorNodes.get(i), "mentors[" + i + "]");
            mentors.add(new PairingProblem.MentorSlot(requiredText(node, "personId", "mentors[" + i + "]"),
                    requiredInt(node, "capacity", "mentors[" + i + "]")));
        }
        List<PairingProblem.MenteeRequest> mentees = new ArrayList<>();
        ArrayNode menteeNodes = requiredArray(root, "mentees", "");
        for (int i = 0; i < menteeNodes.size(); i++) {
            JsonNode node = object(menteeNodes.get(i), "mentees[" + i + "]");
            mentees.add(new PairingProblem.MenteeRequest(requiredText(node, "personId", "mentees[" + i + "]"),
                    optionalInt(node, "priority", 1, "mentees[" + i + "]")));
        }
        List<PairingProblem.PreviousPair> history = new ArrayList<>();
        ArrayNode historyNodes = optionalArray(root, "history", "");
        for (int i = 0; i < historyNodes.size(); i++) {
            String where = "history[" + i + "]";
            JsonNode node = object(historyNodes.get(i), where);
            String mentorId = requiredText(node, "mentorId", where);
            String menteeId = requiredText(node, "menteeId", where);
            // a history pair of one person with themselves is kept: the shared generator makes them, and it can
            // never match a pair of two people, so it changes no score
            int roundsAgo = optionalInt(node, "roundsAgo", 1, where);
            if (roundsAgo < 1) {
                // MODEL.md's history holds earlier pairs: 1 = the last round
                throw new InvalidInstanceException(where + ".roundsAgo must be an integer of at least 1 (the last round), not "
                        + roundsAgo);
            }
            history.add(new PairingProblem.PreviousPair(mentorId, menteeId, roundsAgo));
        }
        List<PairingProblem.DoNotPair> doNotPair = new ArrayList<>();
        ArrayNode dnpNodes = optionalArray(root, "doNotPair", "");
        for (int i = 0; i < dnpNodes.size(); i++) {
            JsonNode node = dnpNodes.get(i);
            if (node == null || !node.isArray() || node.size() != 2 || !node.get(0).isTextual() || !node.get(1).isTextual()) {
                throw new InvalidInstanceException("doNotPair[" + i + "] must be a list of two person ids");
            }
            if (node.get(0).asText().equals(node.get(1).asText())) {
                throw new InvalidInstanceException("doNotPair[" + i + "] names \"" + node.get(0).asText()
                        + "\" twice; it must be two different people");
            }
            doNotPair.add(new PairingProblem.DoNotPair(node.get(0).asText(), node.get(1).asText()));
        }
        List<PairingProblem.PinnedPair> pins = new ArrayList<>();
        ArrayNode pinNodes = optionalArray(root, "pins", "");
        for (int i = 0; i < pinNodes.size(); i++) {
            String where = "pins[" + i + "]";
            JsonNode node = object(pinNodes.get(i), where);
            JsonNode mentor = node.get("mentorId");
            pins.add(new PairingProblem.PinnedPair(requiredText(node, "menteeId", where),
                    mentor == null || mentor.isNull() ? null : requiredText(node, "mentorId", where)));
        }
        PairingSettings settings = baseSettings;
        JsonNode rules = root.get("rules");
        if (rules != null && !rules.isNull()) {
            object(rules, "rules");
            JsonNode cross = rules.get("crossDepartment");
            // minLevelGap: any whole number, as MODEL.md bounds none (a negative gap is reverse mentoring)
            settings = baseSettings.withRules(optionalInt(rules, "minLevelGap", baseSettings.minLevelGap(), "rules"),
                    cross == null || cross.isNull() ? baseSettings.crossDepartment() : CrossDepartment.parse(cross.asText()),
                    optionalInt(rules, "maxOffsetDiffMinutes", baseSettings.maxOffsetDiffMinutes(), "rules"));
        }
        JsonNode name = root.get("name");
        return new PairingProblem(name == null || name.isNull() ? null : name.asText(), people, mentors, mentees,
                history, doNotPair, settings, pins, freeHours);
    }

    /** MODEL.md "Availability": absent = free at every hour (null), [] = free at no hour; integers 0..167. */
    private static FreeHours freeUtcHours(JsonNode person, String where) {
        String field = path(where, "freeUtcHours");
        JsonNode node = person.get("freeUtcHours");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInstanceException(field + " must be a list of UTC hours of the week (0..167)");
        }
        Set<Integer> hours = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode hour = node.get(i);
            if (!hour.isIntegralNumber() || !hour.canConvertToInt() || hour.intValue() < 0
                    || hour.intValue() >= FreeHours.HOURS_PER_WEEK) {
                throw new InvalidInstanceException(field + "[" + i + "] must be an integer hour of the week 0..167, not "
                        + hour);
            }
            hours.add(hour.intValue()); // a repeated hour is still one free hour, as in check.py's set
        }
        return FreeHours.ofUtcHours(hours);
    }

    private static PersonProfile person(JsonNode raw, String where) {
        JsonNode node = object(raw, where);
        String id = requiredText(node, "id", where);
        Set<String> languages = stringSet(node, "languages", where);
        if (node.has("languages") && !node.get("languages").isNull() && languages.isEmpty()) {
            // check.py reads [] as "speaks nothing", PersonProfile as "en": refuse rather than differ
            throw new InvalidInstanceException(where + ".languages is empty; omit it to mean [\"en\"]");
        }
        Set<String> goals = stringSet(node, "goals", where);
        Map<String, Integer> skills = new HashMap<>();
        JsonNode skillNode = node.get("skills");
        if (skillNode != null && !skillNode.isNull()) {
            object(skillNode, where + ".skills");
            skillNode.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isIntegralNumber()) {
                    throw new InvalidInstanceException(where + ".skills." + entry.getKey() + " must be an integer");
                }
                skills.put(entry.getKey(), entry.getValue().intValue());
            });
        }
        return new PersonProfile(id, optionalText(node, "name", where), optionalText(node, "department", where),
                level(node, where), optionalText(node, "managerId", where),
                optionalText(node, "office", where), utcOffsetMinutes(node, where),
                languages, skills, goals);
    }

    /** MODEL.md: level 1 junior .. 8 executive; a missing level is check.py's 0, an explicit null is refused. */
    private static int level(JsonNode person, String where) {
        JsonNode node = person.get("level");
        if (node == null) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1
                || node.intValue() > PersonProfile.MAX_LEVEL) {
            throw new InvalidInstanceException(where + ".level must be an integer 1.." + PersonProfile.MAX_LEVEL + ", not "
                    + node);
        }
        return node.intValue();
    }

    /** A missing offset is check.py's 0 (UTC); an explicit null or an offset no clock uses is refused. */
    private static int utcOffsetMinutes(JsonNode person, String where) {
        JsonNode node = person.get("utcOffsetMinutes");
        if (node == null) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || !PersonProfile.isRealUtcOffset(node.intValue())) {
            throw new InvalidInstanceException(where + ".utcOffsetMinutes must be an integer "
                    + PersonProfile.MIN_REAL_UTC_OFFSET_MINUTES + ".." + PersonProfile.MAX_REAL_UTC_OFFSET_MINUTES
                    + ", not " + node);
        }
        return node.intValue();
    }

    private static int indexOf(List<PersonProfile> people, String id) {
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** {@code {"pairs":[{"mentor","mentee","explanation"}], "unmatched":[{"mentee","reason"}], "score", "seconds", ...}}. */
    public static String writeSolution(PairingResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode pairs = root.putArray("pairs");
        for (PairingResult.MatchedPair pair : result.pairs()) {
            ObjectNode node = pairs.addObject();
            node.put("mentor", pair.mentorId());
            node.put("mentee", pair.menteeId());
            node.put("value", pair.value());
            if (pair.pinned()) {
                node.put("pinned", true);
            }
            ArrayNode explanation = node.putArray("explanation");
            pair.explanation().forEach(explanation::add);
        }
        ArrayNode unmatched = root.putArray("unmatched");
        for (PairingResult.UnmatchedMentee mentee : result.unmatched()) {
            ObjectNode node = unmatched.addObject();
            node.put("mentee", mentee.menteeId());
            node.put("reason", mentee.reason());
        }
        root.put("score", result.score());
        root.put("objective", result.objective());
        root.put("pairWeightSum", result.pairWeightSum());
        root.put("seconds", result.seconds());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- field helpers with precise messages ----

    private static JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidInstanceException(where + " must be a JSON object");
        }
        return node;
    }

    private static ArrayNode requiredArray(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidInstanceException(path(where, field) + " is missing");
        }
        if (!node.isArray()) {
            throw new InvalidInstanceException(path(where, field) + " must be a list");
        }
        return (ArrayNode) node;
    }

    private static ArrayNode optionalArray(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!node.isArray()) {
            throw new InvalidInstanceException(path(where, field) + " must be a list");
        }
        return (ArrayNode) node;
    }

    private static String requiredText(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidInstanceException(path(where, field) + " is missing");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidInstanceException(path(where, field) + " must be a non-empty string");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInstanceException(path(where, field) + " must be a string");
        }
        return node.asText();
    }

    private static int requiredInt(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidInstanceException(path(where, field) + " is missing");
        }
        return intValue(node, path(where, field));
    }

    private static int optionalInt(JsonNode parent, String field, int fallback, String where) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? fallback : intValue(node, path(where, field));
    }

    private static int intValue(JsonNode node, String where) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInstanceException(where + " must be an integer, not " + node);
        }
        return node.intValue();
    }

    private static Set<String> stringSet(JsonNode parent, String field, String where) {
        ArrayNode array = optionalArray(parent, field, where);
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw new InvalidInstanceException(path(where, field) + "[" + i + "] must be a string");
            }
            if (!values.add(array.get(i).asText())) {
                // check.py would count a repeated goal twice; PersonProfile keeps sets
                throw new InvalidInstanceException(path(where, field) + " lists \"" + array.get(i).asText() + "\" twice");
            }
        }
        return values;
    }

    private static String path(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }
}
