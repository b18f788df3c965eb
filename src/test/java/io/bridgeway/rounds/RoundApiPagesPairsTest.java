package io.bridgeway.rounds;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON pair list is paged like the page's: ?page=&size= with the total, every pair on exactly one page. */
@QuarkusTest
class RoundApiPagesPairsTest {

    @Test
    void pairsComeInPagesWithTheirTotal() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("apipages", 3, 5);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        JsonPath all = RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        assertEquals(5, all.getInt("pairPage.total"));
        assertEquals(1, all.getInt("pairPage.pageCount"));

        Set<Object> seen = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            JsonPath one = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId + "?page=" + page + "&size=2")
                    .then().statusCode(200).body("pairPage.page", equalTo(page)).body("pairPage.size", equalTo(2))
                    .body("pairPage.pageCount", equalTo(3)).body("pairPage.total", equalTo(5)).extract().jsonPath();
            List<Object> ids = one.getList("pairs.id");
            assertEquals(page < 2 ? 2 : 1, ids.size());
            seen.addAll(ids);
        }
        assertEquals(new HashSet<>(all.getList("pairs.id")), seen, "the pages together hold every pair once");
        RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + roundId + "?size=0").then().statusCode(400)
                .body("field", equalTo("size"));
    }
}
