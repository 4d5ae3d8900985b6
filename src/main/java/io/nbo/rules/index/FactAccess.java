package io.nbo.rules.index;

import io.nbo.rules.vocabulary.Context;
import io.nbo.rules.vocabulary.Customer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties and questions of the two facts, found by the same bean conventions Drools uses ({@code getAge} and
 * {@code isKnown} are {@code age} and {@code known}; public methods are questions), so a name means here what it
 * means in DRL.
 */
final class FactAccess {

    /** Reads a property of the decision's facts. */
    interface Getter {
        Object get(Facts facts);

        /** The property's Java type. */
        Class<?> type();
    }

    /** Asks a question of the decision's facts. */
    interface Question {
        Object ask(Facts facts, List<Object> args);
    }

    private static final Map<String, Map<String, Method>> PROPERTIES = new HashMap<>();
    private static final Map<String, Map<String, Method>> METHODS = new HashMap<>();

    static {
        for (Class<?> type : List.of(Customer.class, Context.class)) {
            Map<String, Method> properties = new HashMap<>();
            Map<String, Method> methods = new HashMap<>();
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                String name = m.getName();
                if (m.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
                    properties.put(Character.toLowerCase(name.charAt(3)) + name.substring(4), m);
                } else if (m.getParameterCount() == 0 && name.startsWith("is") && name.length() > 2) {
                    properties.put(Character.toLowerCase(name.charAt(2)) + name.substring(3), m);
                } else {
                    methods.put(name, m);
                }
            }
            PROPERTIES.put(type.getSimpleName(), properties);
            METHODS.put(type.getSimpleName(), methods);
        }
    }

    private FactAccess() {
    }

    private static final Map<String, Getter> GETTERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Question> QUESTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The getter of a property; the same instance for the same name, so equal conditions compare equal. */
    static Getter property(String fact, String name) {
        Getter known = GETTERS.get(fact + "." + name);
        if (known != null) {
            return known;
        }
        Getter made = newGetter(fact, name);
        Getter raced = GETTERS.putIfAbsent(fact + "." + name, made);
        return raced == null ? made : raced;
    }

    /** A question; the same instance for the same name and arity. */
    static Question question(String fact, String name, int arity) {
        return QUESTIONS.computeIfAbsent(fact + "." + name + "/" + arity, k -> newQuestion(fact, name, arity));
    }

    /**
     * A question with fixed arguments read as a property ({@code number("income")}); the same instance for the same
     * question and arguments, so a column asking it in every cell indexes as one property.
     */
    static Getter asked(String fact, String name, List<Object> args) {
        String key = fact + "." + name + args;
        Getter known = GETTERS.get(key);
        if (known != null) {
            return known;
        }
        Question question = question(fact, name, args.size());
        Class<?> type = METHODS.get(fact).get(name).getReturnType();
        List<Object> fixed = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        Getter made = new Getter() {
            public Object get(Facts facts) {
                return question.ask(facts, fixed);
            }

            public Class<?> type() {
                return type;
            }
        };
        Getter raced = GETTERS.putIfAbsent(key, made);
        return raced == null ? made : raced;
    }

    private static Getter newGetter(String fact, String name) {
        Method m = PROPERTIES.getOrDefault(fact, Map.of()).get(name);
        if (m == null) {
            throw new IllegalArgumentException(fact + " has no property " + name);
        }
        boolean customer = fact.equals("Customer");
        return new Getter() {
            public Object get(Facts facts) {
                return invoke(m, customer ? facts.customer() : facts.context());
            }

            public Class<?> type() {
                return m.getReturnType();
            }
        };
    }

    private static Question newQuestion(String fact, String name, int arity) {
        Method m = METHODS.getOrDefault(fact, Map.of()).get(name);
        if (m == null || m.getParameterCount() != arity) {
            throw new IllegalArgumentException(fact + " has no question " + name + " taking " + arity);
        }
        boolean customer = fact.equals("Customer");
        return (facts, args) -> invoke(m, customer ? facts.customer() : facts.context(), args.toArray());
    }

    static Class<?>[] parameterTypes(String fact, String name) {
        return METHODS.get(fact).get(name).getParameterTypes();
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
