package org.matterflow.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of a stored event's shape. A change to the shape of a stored event means a
 * new revision and an upcaster; the kernel declares its own annotation so that it stays
 * free of any framework (the command and query sides tell Axon to read it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

	String value();

}
