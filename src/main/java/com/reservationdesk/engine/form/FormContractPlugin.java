package com.reservationdesk.engine.form;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Puts {@link FormContractInterceptor} into the engine: every command passes it, whichever API sent it. */
@Component
public class FormContractPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // After the command context is open: the check runs in the command's transaction and reads its entity cache.
    // Callers' commands run in the "transaction required" chain; the engine's own "requires new" ones need no check.
    configuration.setCustomPostCommandInterceptorsTxRequired(withInterceptor(configuration.getCustomPostCommandInterceptorsTxRequired(),
        new FormContractInterceptor(new FormContract())));
  }

  private static List<CommandInterceptor> withInterceptor(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(interceptor);
    return interceptors;
  }
}
