package io.github.camelvelaro.kamelets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A kamelet icon as the catalog wants it: an SVG embedded as a base64 data URL that links to nothing outside itself
 * (tools show it offline and in a browser page of their own).
 */
final class KameletIcon {

    static final String DATA_URL_PREFIX = "data:image/svg+xml;base64,";
    /** Small enough that a catalog of many kamelets stays light in the tools that load every icon at once. */
    static final int MAX_LENGTH = 4096;

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    /** url(...) in an attribute or a style sheet that does not point inside the document (#id). */
    private static final Pattern OUTSIDE_URL = Pattern.compile("url\\(\\s*['\"]?(?!#)([^)'\"]*)");

    private KameletIcon() {
    }

    static String dataUrl(byte[] svg) {
        return DATA_URL_PREFIX + Base64.getEncoder().encodeToString(svg);
    }

    /** What is wrong with the annotation's value; empty when it is a fit icon. */
    static List<String> problems(String dataUrl) {
        if (!dataUrl.startsWith(DATA_URL_PREFIX)) {
            return List.of("the icon is not an SVG data URL (" + DATA_URL_PREFIX + "...): "
                           + abbreviate(dataUrl));
        }
        if (dataUrl.length() > MAX_LENGTH) {
            return List.of("the icon is " + dataUrl.length() + " characters long, more than " + MAX_LENGTH);
        }
        byte[] svg;
        try {
            svg = Base64.getDecoder().decode(dataUrl.substring(DATA_URL_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return List.of("the icon is not valid base64: " + e.getMessage());
        }
        Element root;
        try {
            root = parser().parse(new ByteArrayInputStream(svg)).getDocumentElement();
        } catch (SAXException | IOException e) {
            return List.of("the icon is not well-formed XML: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            problems.add("the icon's root element is <" + root.getTagName() + ">, not an <svg> in " + SVG_NAMESPACE);
        }
        if (root.getAttribute("viewBox").isBlank()) {
            problems.add("the icon's <svg> has no viewBox, so tools cannot scale it");
        }
        selfContained(root, problems);
        return problems;
    }

    private static void selfContained(Element element, List<String> problems) {
        String name = element.getLocalName();
        if ("script".equals(name) || "foreignObject".equals(name)) {
            problems.add("the icon holds a <" + name + ">");
        }
        if ("style".equals(name)) {
            outsideUrls(element.getTextContent(), problems);
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (("href".equals(local) || "src".equals(local)) && !attribute.getValue().startsWith("#")) {
                problems.add("the icon links to " + attribute.getValue() + " outside itself");
            }
            outsideUrls(attribute.getValue(), problems);
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                selfContained(child, problems);
            }
        }
    }

    private static void outsideUrls(String text, List<String> problems) {
        Matcher url = OUTSIDE_URL.matcher(text);
        while (url.find()) {
            problems.add("the icon links to url(" + url.group(1) + ") outside itself");
        }
    }

    /** Namespace-aware, and closed to DOCTYPEs and external entities: the icon is data, never a fetch. */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new Throwing());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** Fails on the first problem instead of printing "[Fatal Error]" to the console. */
    private static final class Throwing implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
