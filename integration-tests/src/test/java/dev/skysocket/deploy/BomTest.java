package dev.skysocket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM a user imports pins what this build was tested with: every version it names equals the parent pom's
 * for the same artifact (the AWS SDK and Quarkus imports included), and it lists every Skysocket library the
 * parent manages.
 */
class BomTest {
    private static final Path ROOT = Path.of(System.getProperty("skysocket.root", ".."));
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void theBomPinsTheVersionsThisBuildUses() throws Exception {
        Map<String, String> parent = managed(ROOT.resolve("pom.xml"));
        Map<String, String> bom = managed(ROOT.resolve("bom/pom.xml"));

        int compared = 0;
        for (Map.Entry<String, String> pinned : bom.entrySet()) {
            String ours = parent.get(pinned.getKey());
            if (ours != null && !pinned.getKey().startsWith("dev.skysocket:")) {
                assertThat(pinned.getValue()).as(pinned.getKey()).isEqualTo(ours);
                compared++;
            }
        }
        assertThat(compared).as("artifacts both poms pin").isGreaterThan(8);
        assertThat(bom).containsKeys("software.amazon.awssdk:bom", "io.quarkus.platform:quarkus-bom");
        parent.keySet().stream().filter(key -> key.startsWith("dev.skysocket:"))
                .forEach(key -> assertThat(bom).as("the BOM lists " + key).containsKey(key));
    }

    /** groupId:artifactId → version of the dependencyManagement entries, with the pom's own properties resolved. */
    private static Map<String, String> managed(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element project = document.getDocumentElement();
        Map<String, String> properties = new LinkedHashMap<>();
        Element props = child(project, "properties");
        if (props != null) {
            NodeList list = props.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().trim());
                }
            }
        }
        Map<String, String> versions = new LinkedHashMap<>();
        NodeList dependencies = child(child(child(project, "dependencyManagement"), "dependencies"), null)
                .getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String type = text(dependency, "type");
            if ("test-jar".equals(type)) {
                continue;
            }
            String version = resolve(text(dependency, "version"), properties);
            versions.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), version);
        }
        return versions;
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static Element child(Element parent, String name) {
        if (name == null) {
            return parent;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }
}
