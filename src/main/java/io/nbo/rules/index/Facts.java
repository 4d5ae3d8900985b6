package io.nbo.rules.index;

import io.nbo.rules.vocabulary.Context;
import io.nbo.rules.vocabulary.Customer;

/** The two facts of a decision, as the tables see them. */
record Facts(Customer customer, Context context) {
}
