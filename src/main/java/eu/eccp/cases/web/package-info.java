@NullMarked
package eu.eccp.cases.web;

import org.jspecify.annotations.NullMarked;
